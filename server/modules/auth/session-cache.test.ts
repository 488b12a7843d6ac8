// The sessions a process keeps for a few seconds: how long, and what it forgets at once.
import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';
import type { LiveSession } from './sessions.queries.ts';

const session = (over: Partial<LiveSession> = {}): LiveSession => ({
  id: 'a1',
  csrfToken: 'csrf',
  idleSeconds: 0,
  expiresInSeconds: 3600,
  user: {
    id: 7,
    email: 'can-bo@test.hoptac',
    name: 'Cán bộ',
    role: 'viewer',
    areaCode: null,
    areaProvinceCode: null,
    organizationId: null,
  },
  ...over,
});

function setup(opts: { max?: number } = {}) {
  let t = 1_000_000;
  const cache = createSessionCache({ ttlMs: 10_000, idleMs: 120 * 60_000, now: () => t, ...opts });
  return { cache, advance: (ms: number) => (t += ms) };
}

describe('the session cache', () => {
  it('keeps a session read for its life, with the idle time counted on', async () => {
    const { cache, advance } = setup();
    await cache.read('a1', async () => session({ idleSeconds: 30 }));
    advance(9_000);
    expect(cache.get('a1')).toMatchObject({ id: 'a1', idleSeconds: 39 });
    advance(1_000);
    expect(cache.get('a1')).toBeUndefined();
  });

  it('drops a session at its own end, or idle too long, before the cache’s life is over', async () => {
    const { cache, advance } = setup();
    await cache.read('a1', async () => session({ expiresInSeconds: 2 }));
    advance(2_000);
    expect(cache.get('a1')).toBeUndefined();

    await cache.read('a1', async () => session({ idleSeconds: 120 * 60 - 1 }));
    expect(cache.get('a1')).toBeDefined();
    advance(1_000);
    expect(cache.get('a1')).toBeUndefined();
  });

  it('counts idle time from a touch', async () => {
    const { cache, advance } = setup();
    await cache.read('a1', async () => session({ idleSeconds: 90 }));
    advance(2_000);
    cache.touched('a1');
    advance(3_000);
    expect(cache.get('a1')!.idleSeconds).toBe(3);
  });

  it('forgets a session, or all of a user’s, at once', async () => {
    const { cache } = setup();
    await cache.read('a1', async () => session());
    await cache.read('b2', async () => session({ id: 'b2' }));
    await cache.read('c3', async () => session({ id: 'c3', user: { ...session().user, id: 8 } }));
    cache.forgetSession('a1');
    expect(cache.get('a1')).toBeUndefined();
    expect(cache.get('b2')).toBeDefined();
    cache.forgetUser(7);
    expect(cache.get('b2')).toBeUndefined();
    expect(cache.get('c3')).toBeDefined();
  });

  it('does not keep a read that was under way when its session or user changed', async () => {
    const { cache, advance } = setup();
    const answer = await cache.read('a1', async () => {
      advance(1); // the account is disabled while the database answers
      cache.forgetUser(7);
      return session();
    });
    expect(answer).toMatchObject({ id: 'a1' }); // this request had its answer
    expect(cache.get('a1')).toBeUndefined(); // the next one asks again

    await cache.read('a1', async () => {
      advance(1);
      cache.forgetSession('a1');
      return session();
    });
    expect(cache.get('a1')).toBeUndefined();
    advance(1);
    await cache.read('a1', async () => session());
    expect(cache.get('a1')).toBeDefined();
  });

  it('forgets a session the database no longer has', async () => {
    const { cache } = setup();
    await cache.read('a1', async () => session());
    expect(await cache.read('a1', async () => undefined)).toBeUndefined();
    expect(cache.get('a1')).toBeUndefined();
  });

  it('keeps at most `max` sessions, dropping the oldest read', async () => {
    const { cache } = setup({ max: 2 });
    for (const id of ['a1', 'b2', 'a1', 'c3']) await cache.read(id, async () => session({ id }));
    expect(cache.get('b2')).toBeUndefined();
    expect(cache.get('a1')).toBeDefined();
    expect(cache.get('c3')).toBeDefined();
  });

  it('reads a session it keeps again without dropping another', async () => {
    const { cache } = setup({ max: 2 });
    for (const id of ['a1', 'b2', 'b2']) await cache.read(id, async () => session({ id }));
    expect(cache.get('a1')).toBeDefined();
    expect(cache.get('b2')).toBeDefined();
  });
});
