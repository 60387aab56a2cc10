import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The stand-in's page scripts run in the browser as plain JavaScript.
    files: ['test/gitlab-sandbox/assets/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // GitLab text must never become HTML (SPEC §8).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or React children: GitLab text must never become HTML.' },
        { property: 'outerHTML', message: 'GitLab text must never become HTML.' },
        { property: 'insertAdjacentHTML', message: 'GitLab text must never become HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'GitLab text must never become HTML.' },
      ],
    },
  },
  {
    // Hooks live in React files only (Playwright fixtures also call a function named `use`).
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
