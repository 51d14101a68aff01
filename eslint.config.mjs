// One lint gate for the whole tree; the layering rule keeps src/domain and src/app free of SDKs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterPackages = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'restify',
  '@azure/*',
  '@opentelemetry/*',
  'better-sqlite3',
  'csv-parse',
  'csv-parse/*',
  'csv-stringify',
  'csv-stringify/*',
  'exceljs',
  'yaml',
  'chinese-days',
  'adaptivecards-templating',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'bin/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain CommonJS config files (jest.config.js) run in Node.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: adapterPackages,
              message:
                'src/domain and src/app stay free of SDKs, servers, databases and parsers: put this in an adapter.',
            },
            {
              group: ['**/store/**', '**/bot/**', '**/http/**', '**/cli/**', '**/formats/**', '**/calendar/**'],
              message: 'Dependencies point inward: domain and app do not import adapters.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app layer takes ids from what it is given (deps.newId), so tests decide them.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'crypto', message: 'src/app takes ids from deps.newId, so they are injected and testable.' },
      ],
    },
  },
  {
    // The HTTP edge hands requests to the bot through what it is given; it never reaches into the bot's parts.
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '**/store/**', '**/app/**'],
              message: 'src/http only serves HTTP: the bot and the use cases are given to it by the composition root.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store keeps data: it implements the ports and may use their types (app/ports, app/records,
    // app/migration), the domain and the config; the use cases and the samples sit above it.
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/app/approval/**',
                '**/app/scheduler/**',
                '**/app/delivery/**',
                '**/app/common/**',
                '**/samples/**',
                '**/bot/**',
                '**/http/**',
                '**/cli/**',
              ],
              message:
                'src/store is an adapter behind the ports: it never calls use cases, seeds samples or reaches into the bot, HTTP or CLI (the composition root wires those).',
            },
          ],
        },
      ],
    },
  },
  {
    // The bot speaks to the use cases (src/app/use-cases.ts), never to the store or to a use case's insides.
    files: ['src/bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/store/**',
                '**/samples/**',
                '**/app/approval/**',
                '**/app/common/**',
                '**/app/scheduler/**',
                '**/app/reference/**',
                '**/app/migration/**',
              ],
              message:
                "src/bot talks to src/app/use-cases.ts (and the types of app/records, app/ports, app/delivery), never to the store or a use case's insides.",
            },
          ],
        },
      ],
    },
  },
  {
    // Readers of files and forms say what is wrong as codes; the words, in each language, are made in src/i18n.
    files: ['src/formats/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/i18n', '**/i18n/**'], message: 'src/formats returns codes; words are made in src/i18n.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: adapterPackages, message: 'src/domain is pure rules.' },
            {
              group: [
                '**/app/**',
                '**/store/**',
                '**/bot/**',
                '**/http/**',
                '**/cli/**',
                '**/formats/**',
                '**/calendar/**',
                '**/i18n/**',
                '**/config',
                '**/runtime',
              ],
              message: 'src/domain imports nothing outside itself.',
            },
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os'],
              message: 'src/domain is pure: no I/O, no platform modules.',
            },
          ],
        },
      ],
    },
  },
);
