// Lint the bugs and the boundaries; Prettier owns the format.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'apps/cli/bin/**',
      'packages/*/lib/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts', 'apps/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  // The dependency rule: domain ← documents, db ← services ← server, cli; web imports domain only.
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      ...restrict(
        [
          'node:*',
          'fs',
          'path',
          'os',
          'crypto',
          'child_process',
          '@jixiao/*',
          'kysely',
          'pg',
          'better-sqlite3',
          'docx',
          'exceljs',
          'jszip',
          'fastify*',
        ],
        'packages/domain is pure: zod only, no I/O and no other package.',
      ),
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain takes configuration as arguments.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Time comes in as an argument.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Ids and randomness come in as arguments.',
        },
      ],
    },
  },
  {
    files: ['packages/documents/src/**/*.ts'],
    // Tests may read fixture files; the library itself takes bytes.
    ignores: ['packages/documents/src/**/*.test.ts'],
    rules: restrict(
      [
        '@jixiao/db',
        '@jixiao/services',
        '@jixiao/server',
        '@jixiao/cli',
        '@jixiao/web',
        'kysely',
        'pg',
        'better-sqlite3',
        'fastify*',
        'node:fs',
        'node:fs/*',
        'fs',
      ],
      'packages/documents takes bytes and returns bytes: domain and format libraries only.',
    ),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: restrict(
      [
        '@jixiao/documents',
        '@jixiao/services',
        '@jixiao/server',
        '@jixiao/cli',
        '@jixiao/web',
        'fastify*',
      ],
      'packages/db depends on the domain only.',
    ),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    ignores: [
      'packages/db/src/dialects/**',
      'packages/db/src/**/*.test.ts',
      'packages/db/src/testing/**',
    ],
    rules: restrict(
      ['better-sqlite3', 'pg', '@jixiao/documents', '@jixiao/services', 'fastify*'],
      'Only packages/db/src/dialects/ knows SQLite from PostgreSQL.',
    ),
  },
  {
    files: ['packages/services/src/**/*.ts'],
    rules: restrict(
      ['@jixiao/server', '@jixiao/cli', '@jixiao/web', 'fastify*', 'better-sqlite3', 'pg'],
      'packages/services sits below the server and the CLI.',
    ),
  },
  {
    files: ['apps/server/src/**/*.ts', 'apps/cli/src/**/*.ts'],
    rules: restrict(
      ['@jixiao/web', '@jixiao/server/*', '@jixiao/cli/*', 'better-sqlite3', 'pg'],
      'Apps call services; only packages/db knows the database drivers.',
    ),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...restrict(
            [
              '@jixiao/documents',
              '@jixiao/db',
              '@jixiao/services',
              '@jixiao/server',
              '@jixiao/cli',
              'node:*',
            ],
            'apps/web imports the domain only and talks to the server over HTTP.',
          )['no-restricted-imports'][1],
          // antd 6.6 deprecates List (a warning in the console of every page that shows one).
          paths: [
            {
              name: 'antd',
              importNames: ['List'],
              message: 'antd List is deprecated: use ItemList from lib/item-list.tsx.',
            },
          ],
        },
      ],
    },
  },
);
