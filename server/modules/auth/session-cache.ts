// Sessions read in the last few seconds, kept in the process so that a page's burst of reads
// (a dashboard asks for its figures, breakdown and summary at once) looks its session up once
// (ADR 0008). Only reads take a session from here: a write always reads it from the database.
// What this process changes (sign-out, an account changed, a password changed) is forgotten at
// once, after its transaction; a change made by another process (a second server on the same
// database) reaches reads within `SESSION_LIMITS.cacheSeconds`.
import type { Db } from '../../db/pool.ts';
import { findLiveSession, SESSION_LIMITS, tokenId, type LiveSession } from './sessions.queries.ts';

interface Entry {
  session: LiveSession;
  /** when the read began (ms on `now`'s clock) */
  readAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface SessionCacheOptions {
  ttlMs: number;
  idleMs: number;
  /** the most sessions kept; the oldest go first */
  max?: number;
  now?: () => number;
}

export function createSessionCache({
  ttlMs,
  idleMs,
  max = 10_000,
  now = () => performance.now(),
}: SessionCacheOptions) {
  const entries = new Map<string, Entry>(); // by session id (the token's SHA-256)
  // when a session or a user's sessions last changed ('s:id', 'u:id'): a read that began
  // before may have seen them as they were, and is not kept
  const changedAt = new Map<string, number>();

  const changedSince = (s: LiveSession, t: number) =>
    (changedAt.get(`s:${s.id}`) ?? -Infinity) >= t || (changedAt.get(`u:${s.user.id}`) ?? -Infinity) >= t;

  const changed = (key: string) => {
    const t = now();
    if (changedAt.size >= max) for (const [k, at] of changedAt) if (t - at > ttlMs) changedAt.delete(k);
    changedAt.set(key, t);
  };

  return {
    /** The session of `id` when it was read within the cache's life and is still alive by its own clock. */
    get(id: string): LiveSession | undefined {
      const e = entries.get(id);
      if (!e) return undefined;
      const t = now();
      if (t - e.readAt >= ttlMs || t >= e.expiresAt || t - e.lastSeenAt >= idleMs) {
        entries.delete(id);
        return undefined;
      }
      return {
        ...e.session,
        idleSeconds: Math.floor((t - e.lastSeenAt) / 1000),
        expiresInSeconds: (e.expiresAt - t) / 1000,
      };
    },

    /** Reads a session through `read` and keeps it, unless it changed while it was read. */
    async read(id: string, read: () => Promise<LiveSession | undefined>): Promise<LiveSession | undefined> {
      const readAt = now();
      const s = await read();
      if (!s) {
        entries.delete(id);
        return undefined;
      }
      if (!changedSince(s, readAt)) {
        entries.delete(id); // kept in the order read
        if (entries.size >= max) entries.delete(entries.keys().next().value!);
        entries.set(id, {
          session: s,
          readAt,
          lastSeenAt: readAt - s.idleSeconds * 1000,
          expiresAt: readAt + s.expiresInSeconds * 1000,
        });
      }
      return s;
    },

    /** The session's activity was written now. */
    touched(id: string): void {
      const e = entries.get(id);
      if (e) e.lastSeenAt = now();
    },

    /** The session ended or changed: read it from the database next time. */
    forgetSession(id: string): void {
      entries.delete(id);
      changed(`s:${id}`);
    },

    /** The user's account or sessions changed. */
    forgetUser(userId: number): void {
      for (const [id, e] of entries) if (e.session.user.id === userId) entries.delete(id);
      changed(`u:${userId}`);
    },
  };
}

/** The process's cache (every app of the process shares it, as they share the database). */
export const sessionCache = createSessionCache({
  ttlMs: SESSION_LIMITS.cacheSeconds * 1000,
  idleMs: SESSION_LIMITS.idleMinutes * 60_000,
});

/** The session of a cookie's token when it is alive: a read may take it from the cache; `fresh` reads the database. */
export async function liveSession(
  db: Pick<Db, 'execute'>,
  token: string,
  { fresh }: { fresh: boolean },
): Promise<LiveSession | undefined> {
  const id = tokenId(token);
  if (!fresh) {
    const kept = sessionCache.get(id);
    if (kept) return kept;
  }
  return sessionCache.read(id, () => findLiveSession(db, id));
}
