// Lint rules: typescript-eslint's recommended set everywhere, plus the house rules for the pure core:
// no DOM, no Office.js, no React, no wall-clock time and no unseeded randomness inside src/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The house's layering (../shared/ARCHITECTURE.md): arrows point down only. Each top-level folder
 * lists the folders its relative imports may reach; everything else (test/, bench/, scripts/) may
 * import anything.
 */
const layers = {
  src: ['src'],
  functions: ['functions', 'src'],
  taskpane: ['taskpane', 'src'],
  server: ['server', 'src'],
  cli: ['cli', 'src'],
};

const layeringRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      wrongArrow: '{{from}}/ may not import {{to}}/ (arrows point down only: {{from}}/ may import {{allowed}}).',
    },
  },
  create(context) {
    const fromLayer = path.relative(root, context.filename).split(path.sep)[0];
    const allowed = layers[fromLayer];
    if (!allowed) return {};
    const check = (node) => {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep)[0];
      if (target in layers && !allowed.includes(target)) {
        context.report({
          node: node.source,
          messageId: 'wrongArrow',
          data: { from: fromLayer, to: target, allowed: allowed.join(', ') },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', '.openfpa/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    plugins: { house: { rules: { layering: layeringRule } } },
    rules: {
      'house/layering': 'error',
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
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/ is pure: no DOM.' },
        { name: 'document', message: 'src/ is pure: no DOM.' },
        { name: 'Office', message: 'src/ is pure: Office.js belongs in functions/ or taskpane/.' },
        { name: 'Excel', message: 'src/ is pure: Office.js belongs in functions/ or taskpane/.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator passed in.' },
        { object: 'Date', property: 'now', message: 'src/ takes time as an argument.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', '@fluentui/*', 'office-*'], message: 'src/ is pure.' }] },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.cjs', 'webpack.config.js', 'jest*.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
