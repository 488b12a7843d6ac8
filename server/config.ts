import { z } from 'zod';

const bi = (vi: string, en: string) => ({ error: `${vi} / ${en}` });
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const PORT = bi('phải là số cổng từ 0 đến 65535', 'must be a port number from 0 to 65535');

/** Environment variables (contracts §1), parsed once at start; each message in both languages. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      bi('phải bắt đầu bằng postgres:// hoặc postgresql://', 'must start with postgres:// or postgresql://'),
    )
    .optional(),
  HOPTAC_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number(PORT).int(PORT).min(0, PORT).max(65535, PORT).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  HOPTAC_ADMIN_EMAIL: z.email(bi('không phải địa chỉ email', 'not an email address')).default('admin@hoptac.local'),
  HOPTAC_ADMIN_PASSWORD: z.string().min(8, bi('cần ít nhất 8 ký tự', 'at least 8 characters')).optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, bi(`một trong ${LOG_LEVELS.join(', ')}`, `one of ${LOG_LEVELS.join(', ')}`))
    .default('info'),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** A bad setting, named: "VARIABLE: what is wrong" per line. */
export const invalidConfig = (lines: string[]) =>
  new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) throw invalidConfig(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}
