// Lint: type-aware rules, and the layer rules of ARCHITECTURE.md (a lower layer never imports a
// higher one; server/ and client/ never import each other; neutral code never imports node:*).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders of src/ by layer; a file may import only its own layer and the ones below. */
const layers = {
  spec: 0,
  jsonrpc: 1,
  transport: 2,
  schema: 2,
  server: 3,
  client: 3,
  node: 4,
  cli: 5,
};
const neutral = ['spec', 'jsonrpc', 'transport', 'schema', 'server', 'client'];

function forbiddenFor(folder) {
  const mine = layers[folder];
  const higher = Object.entries(layers)
    .filter(([name, level]) => name !== folder && (level > mine || (level === mine && level === 3)))
    .map(([name]) => name);
  const patterns = higher.map((name) => ({
    group: [`**/${name}`, `**/${name}/**`, `mcpkit/${name}`],
    message: `src/${folder} (layer ${mine}) must not import src/${name} (see ARCHITECTURE.md, Layers).`,
  }));
  if (neutral.includes(folder)) {
    patterns.push({
      group: ['node:*'],
      message: 'Runtime-neutral code must not import Node built-ins; put it under src/node/.',
    });
  }
  return patterns;
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Library code never calls process.exit(); only the CLI entry point may.',
        },
        {
          selector: "Property[key.name='shell'][value.value=true]",
          message: 'Never spawn through a shell.',
        },
      ],
      'no-eval': 'error',
      // The compiler checks names in every file (JS ones through checkJs); this rule cannot see types.
      'no-undef': 'off',
      'no-new-func': 'error',
    },
  },
  ...Object.keys(layers).map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenFor(folder) }] },
  })),
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    // The CLI entry point turns outcomes into exit codes: the one place process.exit is allowed.
    files: ['src/cli/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='shell'][value.value=true]",
          message: 'Never spawn through a shell.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
