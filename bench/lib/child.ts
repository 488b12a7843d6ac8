// Runs a command as a child process the way a user would, and measures its wall time and peak
// memory: the kernel's maximum resident set size from `/usr/bin/time` (exact, whole process with
// its threads — PGlite's worker thread and its WebAssembly heap included), plus a timeline of
// VmRSS sampled from /proc every `sampleMs` (for seeing where the memory grows).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildRun {
  code: number | null;
  ms: number;
  /** peak RSS in MB (ru_maxrss), null when neither /usr/bin/time nor sampling saw it */
  peakMb: number | null;
  /** true when peakMb comes from /usr/bin/time (exact), false when from sampling */
  exactPeak: boolean;
  /** [ms since start, VmRSS MB] */
  timeline: [number, number][];
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The (first) child of pid: the measured command under /usr/bin/time. */
function childOf(pid: number): number | null {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

export async function runMeasured(
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; sampleMs?: number; echo?: boolean } = {},
): Promise<ChildRun> {
  const useTime = existsSync(TIME);
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-time-'));
  const timeFile = join(dir, 'time');
  const [cmd, argv] = useTime ? [TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(cmd, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    if (opts.echo) process.stdout.write(d);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    if (opts.echo) process.stderr.write(d);
  });
  const timeline: [number, number][] = [];
  let sampledPeak = 0;
  let target: number | null = useTime ? null : child.pid!;
  const timer = setInterval(() => {
    target ??= childOf(child.pid!);
    const rss = target ? rssMb(target) : null;
    if (rss !== null) {
      timeline.push([Math.round(performance.now() - start), Math.round(rss)]);
      sampledPeak = Math.max(sampledPeak, rss);
    }
  }, opts.sampleMs ?? 250);
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  const ms = performance.now() - start;
  clearInterval(timer);
  let peakMb: number | null = sampledPeak || null;
  let exactPeak = false;
  if (useTime && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(kb) && kb > 0) {
      peakMb = kb / 1024;
      exactPeak = true;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, ms, peakMb, exactPeak, timeline, stdout, stderr };
}

/** A compact timeline for the console: at most `points` samples, "t s: MB". */
export function sketch(timeline: [number, number][], points = 12): string {
  if (timeline.length === 0) return '(no samples)';
  const step = Math.max(1, Math.ceil(timeline.length / points));
  const picked = timeline.filter((_, i) => i % step === 0 || i === timeline.length - 1);
  return picked.map(([t, mb]) => `${(t / 1000).toFixed(1)}s ${mb}`).join(' · ');
}
