// ESLint (flat config): JavaScript and TypeScript recommended rules, Svelte 5 rules, and Prettier's
// list of rules it owns switched off (formatting is Prettier's job: `npm run format`).
//
// Choices, each for a reason:
// - typescript-eslint's `recommended` (not `strict`/type-checked): svelte-check already runs the
//   type checker on every file; these rules catch what the compiler does not.
// - Unused variables are errors, except names starting with `_` (a deliberately ignored argument
//   or tuple slot, e.g. `(_, t0) => …`).
// - `svelte/no-navigation-without-resolve` is off: links are built with `base` from $app/paths
//   (the site is served under a base path in the public build), which the rule does not recognise.
// - `no-unused-expressions` allows `a && b()` and ternaries used as statements (an existing idiom),
//   still catching a forgotten call or assignment.
// - `no-loss-of-precision` is off for src/lib/stats/honest/rrandom.ts only: R's qnorm coefficients
//   are transcribed digit for digit from R's source so the port can be checked against it.
// - `svelte/require-each-key` stays on: keyed {#each} blocks are the project's rule.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'build/',
      'build-public/',
      '.svelte-kit/',
      'static/data/',
      '.dampak/',
      'tests/e2e/results/',
      'tests/e2e/report/',
      'tests/bench/work/',
      'node_modules/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  {
    files: ['src/lib/stats/honest/rrandom.ts'],
    rules: { 'no-loss-of-precision': 'off' }
  }
);
