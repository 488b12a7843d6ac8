// Changing a setting: administrators only (settings.manage), with the version read, audited.
import type { z } from 'zod';
import type { Settings, settingsInputSchema } from '../../../shared/contracts/settings.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { readSettings, writeEffectiveGrades } from './settings.queries.ts';

export const getSettings = (db: Db) => readSettings(db);

export async function updateSettings(
  db: Db,
  caller: Caller,
  input: z.output<typeof settingsInputSchema>,
): Promise<Settings> {
  return db.transaction(async (tx) => {
    const before = await readSettings(tx, { lock: true });
    if (before.version !== input.version) {
      throw new AppError('conflict', {
        vi: 'Thiết lập đã được người khác đổi sau khi bạn mở; hãy xem lại',
        en: 'Someone else changed the settings after you opened them; review them',
        current: before,
      });
    }
    // the order of the grades, not of the clicks
    const grades = (['good', 'fair', 'average', 'weak'] as const).filter((g) => input.effectiveGrades.includes(g));
    // a save that changes nothing writes nothing: no new version, no empty event
    if (grades.join() === before.effectiveGrades.join()) return before;
    await writeEffectiveGrades(tx, grades, caller.user?.id ?? null);
    const after = await readSettings(tx);
    await recordAudit(tx, caller, {
      action: 'settings.update',
      entity: 'setting',
      entityId: 'effective_grades',
      before,
      after,
    });
    return after;
  });
}
