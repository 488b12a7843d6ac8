// Latency measurement helpers for the benchmarks: sequential requests, nearest-rank percentiles.

export interface Measured {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** median of the `total` the list answered (how many rows matched), when there is one */
  medianTotal: number | null;
  /** true when the time budget ran out before all requests were made */
  cut: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * Runs `warmup` then `requests` calls one after another; each call returns the list total or
 * null. Stops early (after at least 20 measured calls) when `budgetMs` is spent.
 */
export async function measure(
  name: string,
  opts: { requests: number; warmup: number; budgetMs: number },
  call: (i: number) => Promise<number | null>,
): Promise<Measured> {
  const deadline = performance.now() + opts.budgetMs;
  for (let i = 0; i < opts.warmup && performance.now() < deadline; i++) await call(-1 - i);
  const times: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < opts.requests; i++) {
    if (i >= 20 && performance.now() > deadline) break;
    const start = performance.now();
    const total = await call(i);
    times.push(performance.now() - start);
    if (total !== null) totals.push(total);
  }
  return summarize(name, times, totals, times.length < opts.requests);
}

/**
 * Like `measure`, for several ways of doing the same thing (the app and its floors), taken in
 * turn within rounds — abc, bca, cab, … — so that a machine whose speed drifts during
 * the run (this one's moves by 2× within an hour) weighs on each of them alike.
 */
export async function measureInterleaved(
  names: string[],
  opts: { requests: number; warmup: number; budgetMs: number },
  round: (i: number) => (() => Promise<unknown>)[],
): Promise<Measured[]> {
  const deadline = performance.now() + opts.budgetMs;
  const times = names.map(() => [] as number[]);
  for (let i = -opts.warmup; i < opts.requests; i++) {
    if (i >= 20 && performance.now() > deadline) break;
    const calls = round(i);
    for (let k = 0; k < calls.length; k++) {
      const which = (i + opts.warmup + k) % calls.length; // each goes first in turn
      const start = performance.now();
      await calls[which]!();
      if (i >= 0) times[which]!.push(performance.now() - start);
    }
  }
  return names.map((name, k) => summarize(name, times[k]!, [], times[k]!.length < opts.requests));
}

function summarize(name: string, times: number[], totals: number[], cut: boolean): Measured {
  times.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  return {
    name,
    requests: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1]!,
    medianTotal: totals.length ? percentile(totals, 50) : null,
    cut,
  };
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

/** A markdown table of the measurements, with the target each one is held to. */
export function table(rows: Measured[], target: (name: string) => number | undefined): string {
  const lines = [
    '| scenario | requests | p50 ms | p95 ms | p99 ms | max ms | median matches | p95 target | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const t = target(r.name);
    const verdict = t === undefined ? '' : r.p95 <= t ? 'ok' : '**missed**';
    lines.push(
      `| ${r.name} | ${r.requests}${r.cut ? ' (time budget)' : ''} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.medianTotal ?? ''} | ${t ?? ''} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}
