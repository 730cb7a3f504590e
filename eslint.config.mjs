// Lint rules: typescript-eslint's recommended set everywhere, plus the house rules for the pure core:
// no DOM, no Office.js, no React, no wall-clock time and no unseeded randomness inside src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.openfpa/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off', // TypeScript checks names
      // Published algorithm coefficients are kept digit for digit as their sources print them.
      'no-loss-of-precision': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', { name: 'window', message: 'src/ is pure: no DOM.' }, { name: 'document', message: 'src/ is pure: no DOM.' }, { name: 'Office', message: 'src/ is pure: Office.js belongs in functions/ or taskpane/.' }, { name: 'Excel', message: 'src/ is pure: Office.js belongs in functions/ or taskpane/.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator passed in.' }, { object: 'Date', property: 'now', message: 'src/ takes time as an argument.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', '@fluentui/*', 'office-*'], message: 'src/ is pure.' }] }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.cjs', 'webpack.config.js', 'jest*.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
