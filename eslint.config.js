import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'migrations', 'bench/.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // exceljs only through server/lib/exceljs.ts, which fixes its streaming reader first
    files: ['**/*.ts'],
    ignores: ['server/lib/exceljs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'exceljs',
              message:
                'Import ExcelJS from server/lib/exceljs.ts (it fixes the streaming reader before exceljs loads).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // a web feature never imports another feature (style.md)
    files: ['web/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/',
              message: 'A feature must not import another feature; move shared code to web/components or web/lib.',
            },
          ],
        },
      ],
    },
  },
);
