import type { ZodType } from 'zod';
import type { Problem } from '../../shared/contracts/problem.ts';
import { dictionaries } from '../i18n/dictionary.ts';
import type { Lang } from '../i18n/lang.ts';

export type ApiErrorCode = Problem['code'] | 'network';
export type FieldError = NonNullable<Problem['errors']>[number];

/** A failed API call, parsed from the server's problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly titleEn: string;
  readonly detail: string | undefined;
  readonly detailEn: string | undefined;
  readonly errors: FieldError[];
  /** On 409 conflict: the record as it is now. */
  readonly current: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(problem: Omit<Problem, 'type' | 'code'> & { code: ApiErrorCode }) {
    super(problem.titleEn);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.titleEn = problem.titleEn;
    this.detail = problem.detail;
    this.detailEn = problem.detailEn;
    this.errors = problem.errors ?? [];
    this.current = problem.current;
    this.requestId = problem.requestId;
  }

  /** The title and detail in the reader's language. */
  text(lang: Lang): { title: string; detail: string | undefined } {
    return lang === 'vi' ? { title: this.title, detail: this.detail } : { title: this.titleEn, detail: this.detailEn };
  }
}

/** A 409: someone else saved a newer version. */
export const isConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409;

/** On a 409, the record as it is now, when it has the shape expected. */
export function conflictCurrent<T>(error: unknown, schema: ZodType<T>): T | null {
  const parsed = isConflict(error) ? schema.safeParse(error.current) : null;
  return parsed?.success ? parsed.data : null;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'title' in body && 'status' in body;
}

function unexpected(status: number): ApiError {
  return new ApiError({
    status,
    code: status === 404 ? 'not_found' : 'internal',
    title: dictionaries.vi.errors.server(status),
    titleEn: dictionaries.en.errors.server(status),
  });
}

function networkError(): ApiError {
  const { vi, en } = dictionaries;
  return new ApiError({
    status: 0,
    code: 'network',
    title: vi.errors.network,
    titleEn: en.errors.network,
    detail: vi.errors.networkDetail,
    detailEn: en.errors.networkDetail,
  });
}

/** The session's anti-forgery token, sent with every request that changes something. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Told when the server says the session is gone (401): the session is read again, and the user asked to sign in. */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

type QueryValue = string | number | null | undefined;

/** "?a=1&b=x" from the values that are set; "" when none is. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON, or a FormData sent as multipart/form-data (file uploads) */
  body?: unknown;
  signal?: AbortSignal;
}

/** fetch for the JSON API: resolves with the parsed body, rejects with an ApiError. */
export async function apiFetch<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const multipart = body instanceof FormData;
  // the browser writes the multipart content type itself, with its boundary
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: multipart ? body : body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError();
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const data: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  // the session query (/auth/me) tells its own 401; another call's 401 asks it to look again
  const asksSession = path.endsWith('/auth/login') || path.endsWith('/auth/me');
  if (response.status === 401 && !asksSession) for (const listener of signedOutListeners) listener();
  if (!response.ok) throw isProblem(data) ? new ApiError(data) : unexpected(response.status);
  return data as T;
}
