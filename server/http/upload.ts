// One uploaded file and the text fields beside it, from a multipart/form-data body (the route's
// plugin registers @fastify/multipart with its limits). Errors are 400s naming the field.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './errors.ts';

const invalidUpload = (field: string, vi: string, en: string) =>
  new AppError('validation_failed', { vi, en, errors: [{ field, message: vi, messageEn: en }] });

/** The `file` part, and the fields parsed by `fields`. */
export async function readUpload<T extends z.ZodType>(
  req: FastifyRequest,
  fields: T,
  maxMb: number,
): Promise<{ fileName: string; fileData: Buffer; fields: z.output<T> }> {
  if (!req.isMultipart()) {
    throw invalidUpload('file', 'Cần gửi tệp dạng multipart/form-data', 'Send the file as multipart/form-data');
  }
  const values: Record<string, string> = {};
  let file: { fileName: string; fileData: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') file = { fileName: part.filename || 'upload', fileData: data };
      } else if (typeof part.value === 'string') {
        values[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      throw invalidUpload(
        'file',
        `Tệp quá lớn hoặc quá nhiều tệp (tối đa một tệp ${maxMb} MB)`,
        `File too large or too many files (one file of at most ${maxMb} MB)`,
      );
    }
    throw err;
  }
  if (!file || file.fileData.length === 0) {
    throw invalidUpload('file', 'Thiếu tệp (trường "file")', 'The file is missing (field "file")');
  }
  const parsed = fields.safeParse(values);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      message: i.message,
      messageEn: i.message,
    }));
    throw new AppError('validation_failed', {
      vi: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      en: errors.map((e) => `${e.field}: ${e.messageEn}`).join('; '),
      errors,
    });
  }
  return { ...file, fields: parsed.data as z.output<T> };
}
