import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, onSignedOut, queryString } from './api.ts';

function respond(status: number, body: unknown, type = 'application/problem+json') {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('resolves with the JSON body', async () => {
    respond(200, { items: [], total: 0 }, 'application/json');
    await expect(apiFetch('/api/v1/x')).resolves.toEqual({ items: [], total: 0 });
  });

  it('turns problem+json into an ApiError with field errors and the current record', async () => {
    respond(409, {
      type: 'about:blank',
      status: 409,
      code: 'conflict',
      title: 'Xung đột',
      titleEn: 'Conflict',
      errors: [{ field: 'name', message: 'Tên quá ngắn', messageEn: 'Name is too short' }],
      current: { id: 1, version: 3 },
    });
    const error = await apiFetch('/api/v1/x', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.code).toBe('conflict');
    expect(apiError.errors[0]?.field).toBe('name');
    expect(apiError.current).toEqual({ id: 1, version: 3 });
    expect(apiError.text('en').title).toBe('Conflict');
    expect(apiError.text('vi').title).toBe('Xung đột');
  });

  it("tells the listeners of a 401, except the session's own (which says it itself)", async () => {
    const told: string[] = [];
    const stop = onSignedOut(() => told.push('signed out'));
    const unauthenticated = { type: 'about:blank', status: 401, code: 'unauthenticated', title: 'x', titleEn: 'x' };
    respond(401, unauthenticated);
    for (const path of ['/api/v1/auth/me', '/api/v1/auth/login', '/api/v1/organizations']) {
      await apiFetch(path).catch(() => undefined);
    }
    stop();
    await apiFetch('/api/v1/organizations').catch(() => undefined);
    expect(told).toEqual(['signed out']);
  });

  it('explains a non-JSON failure in both languages', async () => {
    vi.stubGlobal('fetch', async () => new Response('Bad gateway', { status: 502 }));
    const error = (await apiFetch('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('internal');
    expect(error.text('vi').title).toContain('502');
  });

  it('sends a FormData as it is, leaving the multipart content type to the browser', async () => {
    let seen: RequestInit | undefined;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen = init;
      return new Response('{"id":"x"}', { status: 202, headers: { 'content-type': 'application/json' } });
    });
    const form = new FormData();
    form.set('map', 'current');
    await expect(apiFetch('/api/v1/imports/organizations', { method: 'POST', body: form })).resolves.toEqual({
      id: 'x',
    });
    expect(seen?.body).toBe(form);
    expect(seen?.headers).toEqual({ accept: 'application/json' });
  });

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await apiFetch('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network');
    expect(error.status).toBe(0);
  });
});

describe('queryString', () => {
  it('keeps only the values that are set', () => {
    expect(queryString({ q: 'hà', page: 2, kind: undefined, area: null, sort: '' })).toBe('?q=h%C3%A0&page=2');
    expect(queryString({})).toBe('');
  });
});
