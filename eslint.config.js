import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LP_RULE = 'src/lp knows no economics: it imports only src/lp, src/sparse, model/errors.js and model/magnitude.js';
const SPARSE_RULE = 'src/sparse imports nothing outside src/sparse';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/cli/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The LP package knows no economics (docs/architecture.md): of the rest of src it imports only
    // src/sparse and model's located errors and magnitude limit (two leaf files).
    files: ['src/lp/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!sparse/|model/errors\\.js$|model/magnitude\\.js$)', message: LP_RULE }] }] },
  },
  {
    files: ['src/lp/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./(?!sparse/|model/errors\\.js$|model/magnitude\\.js$)', message: LP_RULE }] }] },
  },
  {
    // The sparse mathematics and its product runtime (src/sparse/product) import nothing outside src/sparse.
    files: ['src/sparse/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./', message: SPARSE_RULE }] }] },
  },
  {
    files: ['src/sparse/product/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./', message: SPARSE_RULE }] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
