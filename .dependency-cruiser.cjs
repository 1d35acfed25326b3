// The layer order of src/ (see ARCHITECTURE.md): each folder imports only from the folders before it.
// tests/architecture/layers.test.ts runs these rules in `npm test`; `npx depcruise src` runs them by hand.
const layers = ['model', 'urls', 'load', 'validate', 'translate', 'render', 'serialize', 'diff', 'feeds', 'cache', 'write', 'serve', 'run', 'report'];

const upwardRules = layers.map((layer, index) => ({
  name: `${layer}-imports-only-earlier-layers`,
  comment: `${layer}/ may import only from ${layers.slice(0, index).join(', ') || 'no other layer'} (and itself).`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(?:${[...layers.slice(index + 1), '[^/]+\\.ts$'].join('|')})` },
}));

module.exports = {

  forbidden: [
    { name: 'no-circular', comment: 'An import cycle makes two modules one: merge them or move what both need lower.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-unknown-folder',
      comment: 'Every module lives in a layer folder (or is cli.ts or index.ts at the top).',
      severity: 'error',
      from: { path: '^src/', pathNot: [`^src/(?:${layers.join('|')})/`, '^src/(?:cli|index)\\.ts$'] },
      to: {},
    },
    {
      name: 'catalogue-imports-nothing-else',
      comment: 'The error catalogue (model/error-catalogue.ts and its folder) sits under every other module: it imports nothing else of src/.',
      severity: 'error',
      from: { path: '^src/model/error-catalogue' },
      to: { path: '^src/', pathNot: '^src/model/error-catalogue' },
    },
    ...upwardRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
