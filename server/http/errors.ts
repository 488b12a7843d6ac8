import type { Problem } from '../../shared/contracts/problem.ts';

type Code = Problem['code'];
type FieldError = { field: string; message: string; messageEn: string };

const TITLES: Record<Code, { status: number; vi: string; en: string }> = {
  unauthenticated: { status: 401, vi: 'Chưa đăng nhập', en: 'Not signed in' },
  forbidden: { status: 403, vi: 'Không có quyền thực hiện', en: 'Forbidden' },
  not_found: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  validation_failed: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  conflict: { status: 409, vi: 'Xung đột dữ liệu', en: 'Conflict' },
  rate_limited: { status: 429, vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  internal: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
};

/** The one error type use cases throw; the global handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: Code;
  readonly detailVi: string | undefined;
  readonly detailEn: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly current: Record<string, unknown> | undefined;
  /** rate_limited: when to try again (the Retry-After header) */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: Code,
    opts: {
      vi?: string;
      en?: string;
      errors?: FieldError[];
      current?: Record<string, unknown>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(opts.en ?? TITLES[code].en);
    this.code = code;
    this.detailVi = opts.vi;
    this.detailEn = opts.en;
    this.errors = opts.errors;
    this.current = opts.current;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return TITLES[this.code].status;
  }

  toProblem(requestId?: string): Problem {
    const t = TITLES[this.code];
    return {
      type: 'about:blank',
      status: t.status,
      code: this.code,
      title: t.vi,
      titleEn: t.en,
      ...(this.detailVi && { detail: this.detailVi }),
      ...(this.detailEn && { detailEn: this.detailEn }),
      ...(this.errors && { errors: this.errors }),
      ...(this.current && { current: this.current }),
      ...(requestId && { requestId }),
    };
  }
}

export const notFound = (vi: string, en: string) => new AppError('not_found', { vi, en });

/** A 400 naming one field. */
export const invalidField = (field: string, vi: string, en: string) =>
  new AppError('validation_failed', {
    vi: `${field}: ${vi}`,
    en: `${field}: ${en}`,
    errors: [{ field, message: vi, messageEn: en }],
  });

/**
 * A field error's two messages from zod: its English issue and the same issue in its
 * Vietnamese locale; our own messages carry both, "tiếng Việt / English", each to its side.
 */
export function fieldMessages(en: string, vi: string | undefined): { message: string; messageEn: string } {
  const both = en.split(' / ');
  if (both.length === 2) return { message: both[0]!, messageEn: both[1]! };
  return { message: vi ?? en, messageEn: en };
}
