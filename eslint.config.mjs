// Lint rules that keep the layers visible (STYLE.md): src-shared imports nothing runtime-specific
// (except src-shared/node/, the Node code both the host and the hub use, which the renderer may not
// import), only src-main/electron imports electron, raw IPC lives only in its two wrappers, the hub
// imports nothing from src-main, and the renderer never reaches into Node code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = { name: 'electron', message: 'Only src-main/electron/ may import electron (STYLE.md: thin shell).' };
const nodeBuiltins = { group: ['node:*'], message: 'No Node built-ins here.' };

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'assets/**', '.cache/**', 'reports/**', '.stryker-tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, { name: 'react', message: 'src-shared is the contract only.' }, { name: 'socket.io', message: 'src-shared is the contract only.' }],
          patterns: [
            nodeBuiltins,
            { group: ['../src-*', '../../src-*'], message: 'src-shared imports nothing from other layers.' },
            { group: ['./node/*', '../node/*'], message: 'The contract may not depend on Node-only code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnly], patterns: [{ group: ['../../src-main/*', '../../src-hub/*', '../../src-renderer/*'], message: 'Shared Node code imports only src-shared.' }] },
      ],
    },
  },
  {
    files: ['src-hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnly], patterns: [{ group: ['**/src-main/**'], message: 'The hub deploys alone: shared code goes to src-shared.' }] },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts', 'test/e2e/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    ignores: ['src-main/electron/preload.ts', 'src-main/electron/ipc-main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Raw ipcMain only in ipc-main.ts.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Raw ipcRenderer only in preload.ts.' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            nodeBuiltins,
            { group: ['**/src-main/**', '**/src-hub/**', '**/src-shared/node/**'], message: 'The renderer talks to the host only through bridge/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
