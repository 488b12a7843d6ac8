// The embedded database's owner and a second process working through its socket (contracts §1):
// a one-shot command that finishes first waits for the other instead of cutting it off.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEngine } from './engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'hoptac-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the owner of an embedded database', () => {
  it('stops after the other processes working through it have disconnected', async () => {
    const owner = await startEngine({ DATABASE_URL: undefined, HOPTAC_DATA_DIR: dir });
    const other = new pg.Client({ connectionString: owner.url }); // another process, as the socket sees it
    await other.connect();
    let stopped = false;
    const stopping = owner.stop({ afterOthers: true }).then(() => (stopped = true));
    await new Promise((ok) => setTimeout(ok, 500));
    expect(stopped).toBe(false);
    expect((await other.query<{ n: number }>('select 41 + 1 as n')).rows).toEqual([{ n: 42 }]);
    await other.end();
    await stopping;
    expect(existsSync(join(dir, 'hoptac.lock'))).toBe(false);
  }, 60_000);
});
