// The submitters of the deadline peak (bench/reports.ts), in a worker thread: a client's
// requests and their timing on a thread of their own, as a remote client would be, rather than
// on the app's event loop. workerData: PeakRun; posts back PeakTimes.
import { parentPort, workerData } from 'node:worker_threads';

export interface PeakRun {
  base: string;
  period: string;
  /** starts spread evenly over this time; 0: all at once */
  rampMs: number;
  figures: unknown;
  submitters: { organizationId: number; cookie: string; csrf: string }[];
}

export interface PeakTimes {
  times: number[];
  errors: string[];
  wallMs: number;
  /** CPU seconds this thread (the load generator) used for the run */
  cpuSeconds: number;
}

const { base, period, rampMs, figures, submitters } = workerData as PeakRun;
const times: number[] = [];
const errors: string[] = [];

const call = async (s: PeakRun['submitters'][number], method: 'PUT' | 'POST', path: string, body: unknown) => {
  const start = performance.now();
  const res = await fetch(`${base}/api/v1/organizations/${s.organizationId}/reports/${period}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  times.push(performance.now() - start);
  if (res.status !== 200) errors.push(`${method} ${s.organizationId}: ${res.status} ${text.slice(0, 200)}`);
  return res.status === 200 ? (JSON.parse(text) as { version: number }) : null;
};

const began = performance.now();
const cpu = process.threadCpuUsage();
await Promise.all(
  submitters.map(async (s, i) => {
    if (rampMs > 0) await new Promise((r) => setTimeout(r, (i * rampMs) / submitters.length));
    const saved = await call(s, 'PUT', '', figures);
    if (saved) await call(s, 'POST', '/submit', { version: saved.version });
  }),
);
const used = process.threadCpuUsage(cpu);
parentPort!.postMessage({
  times,
  errors,
  wallMs: performance.now() - began,
  cpuSeconds: (used.user + used.system) / 1e6,
} satisfies PeakTimes);
