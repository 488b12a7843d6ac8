// The command-line options every national-scale benchmark takes, and its engines.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Engine } from './national-db.ts';

const COMMON = {
  engine: { type: 'string', default: 'both' },
  rows: { type: 'string', default: 'full' },
  requests: { type: 'string', default: '300' },
  budget: { type: 'string', default: '60' },
  'no-write': { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** Parses COMMON plus the script's own options; prints `usage` and exits on a bad engine or size. */
export function benchArgs<const T extends ParseArgsOptionsConfig>(usage: string, own: T) {
  const options = { ...COMMON, ...own } as typeof COMMON & T;
  const { values } = parseArgs({ options });
  const { engine, rows } = values as { engine: string; rows: string };
  const engines: Engine[] = engine === 'both' ? ['pglite', 'postgres'] : [engine as Engine];
  if (!engines.every((e) => e === 'pglite' || e === 'postgres') || !['full', 'small'].includes(rows)) {
    console.error(`usage: ${usage}`);
    process.exit(1);
  }
  return { args: values, engines, scale: rows === 'small' ? 0.1 : 1 };
}
