import { z } from 'zod';

export const ERROR_CODES = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation_failed',
  'conflict',
  'rate_limited',
  'internal',
] as const;

/** application/problem+json (RFC 9457) with a stable code and Vietnamese + English text. */
export const problemSchema = z.object({
  type: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  title: z.string().describe('Vietnamese title'),
  titleEn: z.string(),
  detail: z.string().optional(),
  detailEn: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() }))
    .optional()
    .describe('one entry per invalid field'),
  current: z.record(z.string(), z.unknown()).optional().describe('on conflict: the record as it is now'),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
