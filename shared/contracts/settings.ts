// System settings (contracts: GET /api/v1/settings, PUT with the version read).
import { z } from 'zod';

export const settingsSchema = z.object({
  effectiveGrades: z
    .array(z.enum(['good', 'fair', 'average', 'weak']))
    .min(1, 'Chọn ít nhất một xếp loại / Pick at least one grade')
    .describe('the grades that count as "hoạt động hiệu quả" in the statistics (default good and fair)'),
  version: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsInputSchema = settingsSchema.extend({
  version: z.number().int().min(1).describe('the version you read'),
});
