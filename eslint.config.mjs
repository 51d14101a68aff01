// One lint gate for the whole tree; the layering rule keeps src/domain and src/app free of SDKs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterPackages = ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', '@azure/*', 'better-sqlite3', 'csv-parse', 'csv-parse/*', 'yaml', 'chinese-days', 'adaptivecards-templating'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain CommonJS config files (jest.config.js) run in Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: adapterPackages, message: 'src/domain and src/app stay free of SDKs, servers, databases and parsers: put this in an adapter.' },
          { group: ['**/store/**', '**/bot/**', '**/http/**', '**/cli/**', '**/formats/**', '**/calendar/**'], message: 'Dependencies point inward: domain and app do not import adapters.' },
        ],
      }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: adapterPackages, message: 'src/domain is pure rules.' },
          { group: ['**/app/**', '**/store/**', '**/bot/**', '**/http/**', '**/cli/**', '**/formats/**', '**/calendar/**', '**/i18n/**', '**/config', '**/runtime'], message: 'src/domain imports nothing outside itself.' },
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os'], message: 'src/domain is pure: no I/O, no platform modules.' },
        ],
      }],
    },
  },
);
