/**
 * The boundaries of the codebase, checked by `npm test` (`npm run check:boundaries`). Each rule
 * says what it forbids and why; a violation fails the run with the rule's name and comment.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'Apps talk over RabbitMQ, never through code: what two apps share belongs in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-imports-an-app',
      comment: 'Libraries serve every app and know none; pass what they need in (as libs/testing does with bootstraps).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-import-no-service-code',
      comment: 'libs/contracts is what services exchange: message patterns, events, RPC types. It imports no other lib or app.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(apps|libs/(?!contracts/))' },
    },
    {
      name: 'schemas-only-in-repositories',
      comment: 'A mongoose schema is persistence: only repositories (and the modules that register schemas) use it; everything else uses the domain type.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(repository|module|schema)\\.ts$'] },
      to: { path: '\\.schema\\.ts$' },
    },
    {
      name: 'no-cycles-between-folders',
      comment: 'Two folders that import each other are one idea split in two, or two ideas tangled: break the cycle (a token owned by one, filled by the other).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-cycles-between-files',
      comment: 'Files that import each other load in an order that depends on who is imported first.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|var)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    metrics: true,
  },
};
