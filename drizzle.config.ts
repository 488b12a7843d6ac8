import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/db/schema.ts', './server/modules/**/*.schema.ts'],
  out: './migrations',
  casing: 'snake_case',
});
