// The demo database every browser test file starts from, built once per run by a real
// `hoptac serve --demo` (migrations, the unit list, the demo data, the administrator): each
// file's server then opens a copy in seconds instead of building its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = mkdtempSync(join(tmpdir(), 'hoptac-e2e-template-'));
  const server = await startServer({ dataDir: template });
  await server.stop();
  project.provide('e2eTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
