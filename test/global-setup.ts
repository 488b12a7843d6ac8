// One database for the whole test run, prepared like a real start (migrations + the shipped
// unit list): PGlite in a temporary directory, or — with DATABASE_URL — a fresh database on
// that PostgreSQL server, dropped at the end. Tests keep to their own rows (unique numbers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/cli/database.ts';
import { loadConfig } from '../server/config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig();
  let cleanup: () => Promise<void>;
  if (config.DATABASE_URL) {
    const name = `hoptac_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: config.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(config.DATABASE_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ ...config, DATABASE_URL: url.toString() });
    await database.close();
    project.provide('databaseUrl', url.toString());
    cleanup = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-test-'));
    const database = await openDatabase({ ...config, HOPTAC_DATA_DIR: dir });
    project.provide('databaseUrl', database.engine.url);
    cleanup = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  return () => cleanup();
}
