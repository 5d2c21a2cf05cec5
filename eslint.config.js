// Flat config. Besides the usual recommended rules it holds the import direction of
// DESIGN.md: web → (types only) api → services → db → domain.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const drizzle = {
  group: [
    'drizzle-orm',
    'drizzle-orm/*',
    '@motesplats/db',
    '@motesplats/db/*',
    'postgres',
    '@electric-sql/*',
  ],
  message:
    'Only services and the composition root reach the database (DESIGN.md: routes → services → db).',
};

/** No clock and no environment: take `now` and settings as arguments (domain and services). */
const noClockNoEnv = (who) => ({
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: `${who} reads no clock; take \`now\` as an argument.`,
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: `${who} reads no environment; pass values in.` },
    {
      object: 'Date',
      property: 'now',
      message: `${who} reads no clock; take \`now\` as an argument.`,
    },
    {
      object: 'DateTime',
      property: 'now',
      message: `${who} reads no clock; take \`now\` as an argument.`,
    },
  ],
});

export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      'apps/web/src/lib/paraglide/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The domain is pure: no workspace package, no I/O.
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@motesplats/*'], message: 'packages/domain imports no workspace package.' },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'net',
                'child_process',
                'drizzle-orm',
                'drizzle-orm/*',
                'postgres',
                '@electric-sql/*',
                'hono',
                'hono/*',
              ],
              message: 'packages/domain does no I/O.',
            },
          ],
        },
      ],
      ...noClockNoEnv('Domain code'),
    },
  },
  {
    // The database package depends on the domain only.
    files: ['packages/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@motesplats/api',
                '@motesplats/api/*',
                '@motesplats/web',
                '@motesplats/web/*',
                'hono',
                'hono/*',
              ],
              message: 'packages/db knows nothing of HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes are thin: validate, call a service, map the result. No drizzle, no db.
    files: ['apps/api/src/routes/**', 'apps/api/src/http/**', 'apps/api/src/middleware/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [drizzle] }] },
  },
  {
    // Use cases: no HTTP (hono, the http/ adapters), no clock, no environment; ctx carries
    // `now`, the actor and the ports (DESIGN.md "Shape").
    files: ['apps/api/src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*', '**/http/*', '**/routes/*', '**/middleware/*'],
              message: 'Services know nothing of HTTP: routes map their results.',
            },
          ],
        },
      ],
      ...noClockNoEnv('A service'),
    },
  },
  {
    // The web app reaches data only through the API's typed client: it may import the
    // API's types (`import type { AppType }`), never its code nor the database.
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [drizzle] }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@motesplats/api', '@motesplats/api/*'],
              allowTypeImports: true,
              message:
                'The web app imports only types from the API (for hc<AppType>), never its code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser code of the web app takes the domain's zod-free entry: zod 4 builds schemas
    // with `new Function`, which the pages' Content-Security-Policy refuses.
    files: ['apps/web/src/**/*.svelte', 'apps/web/src/lib/*.ts', 'apps/web/src/lib/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@motesplats/domain',
              message: "Browser code imports '@motesplats/domain/client' (no zod, no eval).",
            },
          ],
          patterns: [drizzle],
        },
      ],
    },
  },
);
