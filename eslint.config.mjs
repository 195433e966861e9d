import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import eslintConfigPrettier from 'eslint-config-prettier/flat';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.test-results/**', 'test-results/**', 'playwright-report/**', 'bench/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'vue/no-v-html': 'error', 'no-restricted-imports': ['error', { patterns: ['node:*', 'electron'] }] },
  },
  {
    // The outbox layer (and the customer download) run anywhere (renderer, Node tests, the soak): no
    // Vue, no DOM, no Dexie. They reach storage and the backend only through what is injected
    // (the outbox's two ports, outbox/ports.ts; the download's page source and cache).
    files: ['renderer/src/outbox/**/*.ts', 'renderer/src/customers/**/*.ts', 'renderer/src/scan/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'electron',
            'vue',
            'vue-*',
            'pinia',
            'dexie',
            '**/db/*',
            '**/stores/*',
            '**/platform/*',
            '**/composables/*',
            '*.vue',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'BroadcastChannel'],
    },
  },
  {
    // The Dexie adapters (outbox storage, schema): no Vue, so Node tests and the soak use them as they are.
    files: ['renderer/src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'vue', 'pinia', '**/stores/*', '**/composables/*', '*.vue'] }],
    },
  },
  {
    // The benchmark's harness page and probe run in Chromium.
    files: ['tests/bench/page/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The Electron double's page-side halves run in Chromium (the preload's isolated world and the page's world).
    files: ['tests/electron/page/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, __CONFIG__: 'readonly', __EVENTS__: 'readonly', __PRELOAD_SOURCE__: 'readonly' },
    },
  },
  {
    // The shared core runs in the renderer, main and sandbox alike: no DOM, Node or Electron.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'vue', 'dexie', 'fs', 'path', 'crypto'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer'],
    },
  },
  {
    // Host services are runtime-agnostic: plain TypeScript, never Electron.
    files: ['electron/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron'] }] },
  },
  // Last: Prettier owns layout (npm run lint runs prettier --check), so ESLint's stylistic rules step aside.
  eslintConfigPrettier,
);
