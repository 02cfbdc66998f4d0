// ESLint rule: a file may import only what its layer's allow-list names (repository paths and package names).
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * What an import reaches: a repository path for a relative specifier (`../../machines/ports.ts` from
 * `src/adapters/x.ts` is `machines/ports.ts`), the specifier itself for a package or `node:` builtin.
 */
export function importTarget(filename, specifier) {
  if (!specifier.startsWith('.')) return specifier;
  const resolved = path.resolve(path.dirname(filename), specifier);
  return path.relative(root, resolved).split(path.sep).join('/');
}

/**
 * An entry ending in `/` or `:` is a prefix (`machines/`, `node:`, `qrcode/lib/core/`); any other entry names one
 * file or package, with its subpaths (`react` allows `react/jsx-runtime`).
 */
export function allowed(allow, target) {
  return allow.some((entry) =>
    entry.endsWith('/') || entry.endsWith(':')
      ? target.startsWith(entry)
      : target === entry || target.startsWith(`${entry}/`),
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const allowList = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports flow one way: each layer lists what it may import; anything else is an error.' },
    schema: [
      {
        type: 'object',
        properties: { layer: { type: 'string' }, allow: { type: 'array', items: { type: 'string' } } },
        required: ['layer', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: { outside: "{{layer}} may import only {{allow}}; '{{specifier}}' reaches {{target}}." },
  },
  create(context) {
    const [{ layer, allow }] = context.options;
    const check = (node) => {
      const source = node.source;
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      // Vite suffixes (`?worker`, `?url`) say how to load a file, not which file it is.
      const target = importTarget(context.filename, source.value.split('?')[0]);
      if (allowed(allow, target)) return;
      context.report({
        node: source,
        messageId: 'outside',
        data: { layer, allow: allow.join(', '), specifier: source.value, target },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { meta: { name: 'import-layers' }, rules: { 'allow-list': allowList } };
