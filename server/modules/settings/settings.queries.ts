// The SQL of settings. The statistics read the effective grades inside their own statement
// (EFFECTIVE_GRADES), so a change shows at once, in every process, with no extra round trip.
import { sql } from 'drizzle-orm';
import type { Settings } from '../../../shared/contracts/settings.ts';
import type { Db } from '../../db/pool.ts';

type Executor = Pick<Db, 'execute'>;

/** text[] of the grades that count as effective; good and fair if the setting is missing. */
export const EFFECTIVE_GRADES = sql`coalesce(
  (select array(select jsonb_array_elements_text(value)) from settings where key = 'effective_grades'),
  '{good,fair}'::text[])`;

export async function readSettings(db: Executor, opts: { lock?: boolean } = {}): Promise<Settings> {
  const { rows } = await db.execute<Settings>(sql`
    select value as "effectiveGrades", version from settings where key = 'effective_grades'
    ${opts.lock ? sql`for update` : sql``}`);
  return rows[0] ?? { effectiveGrades: ['good', 'fair'], version: 0 };
}

export async function writeEffectiveGrades(db: Executor, grades: string[], by: number | null): Promise<void> {
  await db.execute(sql`
    insert into settings (key, value, updated_by) values ('effective_grades', ${JSON.stringify(grades)}::jsonb, ${by})
    on conflict (key) do update set value = excluded.value, version = settings.version + 1,
      updated_by = excluded.updated_by, updated_at = now()`);
}
