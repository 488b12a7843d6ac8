#!/usr/bin/env node
// Launcher for the `hoptac` command. The CLI is TypeScript run by Node's type stripping
// (Node >= 23.6); when an older system Node starts us, hand over to the project's pinned
// Node 24 (the `node` devDependency).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../server/cli/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);

if (major > 23 || (major === 23 && minor >= 6)) {
  await import(main);
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    console.error(
      'hoptac cần Node >= 23.6; hãy chạy "npm install" trước / hoptac needs Node >= 23.6: run "npm install" first',
    );
    process.exit(1);
  }
  const child = spawn(pinned, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
