// Lint rules for the whole repository, run as `eslint . --max-warnings=0` (part of `npm run check`).
// TypeScript files are linted with type information from the nearest tsconfig.json (the root one for
// the server, tests, benches, e2e and scripts; web/tsconfig.json for the web app).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

const serverTs = [
  'src/**/*.{ts,mts,cts}',
  'test/**/*.{ts,mts,cts}',
  'bench/**/*.{ts,mts,cts}',
  'e2e/**/*.{ts,mts,cts}',
  'scripts/**/*.{ts,mts,cts}',
  '*.config.ts',
];
const webTs = ['web/src/**/*.{ts,tsx}'];

// docs/style.md: `type` over `interface`, string unions over enums. Interfaces inside `declare module`
// blocks stay allowed: augmenting a library's types needs declaration merging.
const typeShapeRules = [
  {
    selector: 'Program > TSInterfaceDeclaration, Program > ExportNamedDeclaration > TSInterfaceDeclaration',
    message: 'Use a `type` alias instead of an `interface` (docs/style.md).',
  },
  {
    selector: 'TSEnumDeclaration',
    message: 'Use a string union (or an `as const` array) instead of an enum (docs/style.md).',
  },
];

// docs/style.md, "Errors and input": the web app compares a problem's `code` with the constants the
// server's contracts export (`POOL_ERRORS.cooldown`), never with a literal the server could rename.
const codeLiteralMessage =
  'Compare error codes with the constants a server contract exports (e.g. POOL_ERRORS), not a literal (docs/style.md).';
const errorCodeRules = [
  {
    selector: "BinaryExpression:has(> MemberExpression.left[property.name='code']) > Literal.right",
    message: codeLiteralMessage,
  },
  {
    selector: "SwitchStatement[discriminant.name='code'] > SwitchCase > Literal.test",
    message: codeLiteralMessage,
  },
  {
    selector: 'Property > Literal.key[value=/^(crm|insights|warehouse|access|request)\\.[a-z_]+\\.[a-z_]+$/]',
    message: codeLiteralMessage,
  },
];
const webConfigTs = ['web/*.{ts,mts}'];

// Until web/tsconfig.json exists the web files have no project to take types from; lint them
// without type information rather than against the server's Node-only compiler options.
const webHasTsconfig = existsSync(path.join(root, 'web', 'tsconfig.json'));
const typeChecked = webHasTsconfig ? [...serverTs, ...webTs] : serverTs;
// Build configs of the web app (vite.config.ts) are not always part of a project.
const untyped = webHasTsconfig ? webConfigTs : [...webTs, ...webConfigTs];

// Plain JavaScript here is Node ESM (configs, scripts, bin); the TypeScript checker covers .ts files.
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Blob',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'drizzle/',
    '.kehu/',
    'coverage/',
    'bench/results/',
    'e2e/screenshots/',
    'scratch/',
    '.vite/',
  ]),

  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-console': 'off',
    },
  },

  {
    files: [...typeChecked, ...untyped],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // docs/style.md: `type` over `interface`, string unions over enums. Interfaces inside `declare module`
      // blocks stay allowed: augmenting a library's types needs declaration merging.
      'no-restricted-syntax': ['error', ...typeShapeRules],
    },
  },

  {
    files: typeChecked,
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Fastify handlers and plugin hooks are `async` by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    // docs/style.md: named exports. Config files read by tools (vite, vitest, drizzle-kit) keep their default export.
    files: ['src/**/*.{ts,tsx}', 'web/src/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-exports': [
        'error',
        { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true } },
      ],
    },
  },

  {
    // Tests and e2e journeys: spies are passed around unbound on purpose, and vitest's asymmetric
    // matchers (`expect.any`, `expect.stringMatching`) are typed `any`.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  {
    // docs/style.md, "Size": a file holds one idea and stays under 300 lines; a function does one step
    // and stays under 60. Tests count for files (split a long suite by behaviour) but not for
    // functions: a `describe` block is a list of cases, not one step. The web app's components are
    // measured for files only, for now (see docs/style.md).
    files: [
      'src/**/*.ts',
      'web/src/**/*.{ts,tsx}',
      'test/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'scripts/**/*.ts',
    ],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60 }] },
  },

  {
    files: [...webTs],
    rules: { 'no-restricted-syntax': ['error', ...typeShapeRules, ...errorCodeRules] },
  },
  {
    files: [...webTs],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...(webHasTsconfig
    ? [
        {
          // TanStack Router's documented control flow: `throw redirect(...)` / `throw notFound()`.
          files: [...webTs],
          rules: {
            '@typescript-eslint/only-throw-error': [
              'error',
              {
                allow: [
                  { from: 'package', package: '@tanstack/router-core', name: ['Redirect', 'NotFoundError'] },
                ],
              },
            ],
          },
        },
      ]
    : []),

  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: nodeGlobals,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
]);
