// Where the CPU went during a run, read from /proc (Linux): the PostgreSQL sessions of one
// database, and this Node process (every thread). Seconds of CPU, not of wall time.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuReading {
  /** utime + stime of each backend of the database, by pid, in ticks */
  backends: Map<string, number>;
  /** this process, seconds */
  node: number;
}

const TICK = 100; // USER_HZ: /proc counts in hundredths of a second (getconf CLK_TCK)

/** The server's backends for `database` (their command line names it): the sessions of the app's pool. */
function backendTicks(database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime: fields 14 and 15 of stat
    } catch {
      // the process ended while we looked
    }
  }
  return ticks;
}

export function cpuNow(database: string): CpuReading {
  const { user, system } = process.cpuUsage();
  return { backends: backendTicks(database), node: (user + system) / 1e6 };
}

/**
 * CPU seconds since `start`: this process's, and its database sessions' — those alive now, so
 * at most what the sessions used (the server's own processes, the WAL writer, autovacuum, and a
 * session that ended meanwhile are left out).
 */
export function cpuSince(database: string, start: CpuReading): { postgres: number; node: number } {
  const now = cpuNow(database);
  let ticks = 0;
  for (const [pid, t] of now.backends) ticks += t - (start.backends.get(pid) ?? 0);
  return { postgres: ticks / TICK, node: now.node - start.node };
}
