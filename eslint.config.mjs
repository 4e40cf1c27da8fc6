// Lint: ESLint's and typescript-eslint's recommended rules; layout is Prettier's (eslint-config-prettier
// turns off the rules that would fight it). `npm run lint` runs both.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'summary-preview/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  // The arrows run one way (CONTRIBUTING): logic imports neither io nor render, render never imports io.
  {
    files: ['src/logic/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/io/*', '**/render/*'], message: 'logic/ is pure: pass what it needs in.' }] }
      ]
    }
  },
  {
    files: ['src/render/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/io/*'], message: 'render/ never imports io/: shared types live in src/model.ts.' }] }
      ]
    }
  },
  {
    files: ['**/*.cjs', 'build/index.js', 'build/post.js', 'build/post-measure.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  prettier
)
