// Where the CPU went during a run, read from /proc (Linux): the whole machine, the PostgreSQL
// server's processes, and this Node process (every thread). Seconds of CPU, not of wall time.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSeconds {
  machine: number;
  postgres: number;
  node: number;
}

const TICK = 100; // USER_HZ: /proc counts in hundredths of a second (getconf CLK_TCK)

/** user + nice + system + irq + softirq of /proc/stat's first line (idle, iowait and steal left out). */
function machineBusy(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq!) / TICK;
}

/**
 * utime + stime of every process named postgres (the server and its backends), plus the
 * postmaster's cutime + cstime: a backend that has ended is counted there, so a difference of
 * two readings keeps what it used.
 */
function postgresBusy(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime: fields 14–17 of stat (a backend has no children of its own)
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / TICK;
}

export function cpuNow(): CpuSeconds {
  const { user, system } = process.cpuUsage();
  return { machine: machineBusy(), postgres: postgresBusy(), node: (user + system) / 1e6 };
}

export function cpuSince(start: CpuSeconds): CpuSeconds {
  const now = cpuNow();
  return { machine: now.machine - start.machine, postgres: now.postgres - start.postgres, node: now.node - start.node };
}
