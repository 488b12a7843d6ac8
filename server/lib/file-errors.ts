// Why a file named on the command line could not be opened, in both languages.

const REASONS: Record<string, [string, string]> = {
  ENOENT: ['không có tệp này', 'no such file'],
  EISDIR: ['đây là một thư mục, không phải tệp', 'it is a folder, not a file'],
  EACCES: ['không có quyền đọc', 'permission denied'],
};

export function whyUnreadable(err: unknown): [vi: string, en: string] {
  const known = REASONS[(err as NodeJS.ErrnoException).code ?? ''];
  if (known) return known;
  const message = (err as Error).message;
  return [message, message];
}
