// Keeps one generated block per benchmark and engine in bench/RESULTS.md, between markers, so a
// new run replaces its own block and leaves hand-written analysis around it untouched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADER = `# Benchmark results

Generated blocks sit between \`<!-- bench:… -->\` markers and are replaced by each run of
their script; everything outside them is written by hand (analysis, query plans).
`;

export function writeBlock(file: string, key: string, body: string): void {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : text.trimEnd() + '\n\n' + block + '\n';
  writeFileSync(file, next);
}
