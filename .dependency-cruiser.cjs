// Architecture boundaries from docs/style.md, checked by `depcruise src web/src --config .dependency-cruiser.cjs`
// (part of `npm run check`). Paths are relative to the repository root.

const fs = require('node:fs');
const path = require('node:path');

/**
 * Matches files that only tests use: they may depend on dev tools and on each other. Exception
 * `test-helpers`: a `*.test-helper.ts` (seed data, fakes) is test code too, so it may seed another
 * feature's tables and production code may not import it.
 */
const TEST_FILE = '\\.test(-helper)?\\.tsx?$';

/**
 * The feature folders of each context, lowest layer first (docs/style.md, "Features"). A feature
 * may use the features listed before it, never one listed after it, so the graph between features
 * has no back edges. `null`: the context is not sealed yet (issue "Structure").
 * @type {Record<string, string[] | null>}
 */
const FEATURE_LAYERS = {
  access: ['role', 'audit', 'identity'],
  crm: [
    'settings',
    'matching',
    'pool',
    'customer',
    'contact',
    'tier',
    'follow-up',
    'catalog',
    'pipeline',
    'lifecycle',
    'deal',
    'quote',
    'lead-form',
    'lead',
    'task',
    'assignment',
    'merge',
    'import',
    'touchpoint-link',
    'view',
    'demo',
  ],
  insights: [
    'message',
    'source',
    'event',
    'identity',
    'consent',
    'suppression',
    'ingest',
    'offline',
    'domain',
    'timeline',
    'privacy',
    'funnel',
    'demo',
  ],
  warehouse: [
    'routing',
    'batching',
    'settings',
    'layout',
    'catalog',
    'stock',
    'orders',
    'inbound',
    'import',
    'fresh',
    'allocation',
    'wave',
    'documents',
    'supplier',
    'demo',
  ],
  service: ['calendar', 'sla', 'ticket'],
};

/**
 * Named exceptions to `<context>-feature-through-public-files`: repositories whose single statements
 * join (or, for allocation, write in the same statement) tables of the features below them. Splitting
 * them into one query per owning feature would turn one keyset page or one allocation statement into
 * several round trips; each stays listed until it is (issue "Structure"). They may import a lower
 * feature's `*.table.ts` and nothing else private; the layer rules still apply to them.
 * @type {Record<string, string[]>}
 */
const TABLE_JOINS = {
  insights: [
    'privacy.repository.ts', // a person's whole record (persons, identities, trait history, events) read and erased in one transaction
  ],
  crm: [
    'contact.repository.ts', // people scoped by their accounts' visibility; accounts with their names
    'deal.repository.ts', // deals scoped by their customers' visibility
    'deal-report.repository.ts', // report sums scoped by, and filtered by the kind of, the deals' customers
  ],
  warehouse: [
    'stock.repository.ts', // stock pages sorted by warehouse, location, SKU and lot codes
    'move.repository.ts', // move pages with SKU, lot and location codes, filtered by location code
    'order.repository.ts', // an order's lines with item, lot and held units
    // Not a join: single-table lookups of warehouses, items, lots and suppliers for an order push, still
    // to move behind layout's and catalog's services (then this entry goes).
    'order-lookup.repository.ts',
    'order-reservation.repository.ts', // reservations with their location and lot
    'weight-check.repository.ts', // weigh-outs joined to orders, stock, locations and lots
    'allocation.repository.ts', // candidates under row locks; reservations, lines, run and status in one statement
    'document.repository.ts', // pick list, packing slip and label rows
    'scorecard.repository.ts', // supplier scores from receipts, moves and order lines
    'pick-source.repository.ts', // a wave's reservations with their location, zone, SKU and lot
  ],
};

/** The rules that seal the features of one context: public files only, and downwards only. */
function featureRules(context, layers) {
  const dir = path.join(__dirname, 'src', 'modules', context);
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const unlisted = folders.filter((name) => !layers.includes(name));
  if (unlisted.length > 0)
    throw new Error(`FEATURE_LAYERS.${context} does not place: ${unlisted.join(', ')}`);
  const root = `^src/modules/${context}/`;
  const joins = (TABLE_JOINS[context] ?? []).map((file) => file.replace(/\./g, '\\.')).join('|');
  const joiners = `${root}([^/]+)/(?:${joins})$`;
  const through = {
    name: `${context}-feature-through-public-files`,
    comment:
      `Inside ${context}, a feature uses another feature only through its service, contract and errors ` +
      'files: its tables, queries, routes and helpers stay private, so one feature owns the rows it ' +
      'writes. Pure helpers another feature needs are exported from the contract.',
    severity: 'error',
    from: { path: `${root}([^/]+)/`, pathNot: [TEST_FILE, ...(joins ? [joiners] : [])] },
    to: { path: `${root}[^/]+/`, pathNot: [`${root}$1/`, '\\.(service|contract|errors)\\.ts$'] },
  };
  const throughOrTables = {
    name: `${context}-feature-through-public-files-or-tables`,
    comment:
      `The repositories named in TABLE_JOINS.${context} may also join a lower feature's tables; its ` +
      'queries, routes and helpers stay private to them too.',
    severity: 'error',
    from: { path: joiners },
    to: { path: `${root}[^/]+/`, pathNot: [`${root}$1/`, '\\.(service|contract|errors|table)\\.ts$'] },
  };
  const pure = {
    name: `${context}-rule-files-pure`,
    comment:
      'A file without a role in its name (allocate.ts, match-keys.ts) holds pure rules: it reads no ' +
      'table and runs no query. Code that does is a repository (so its SQL is snapshotted) or a service.',
    severity: 'error',
    from: { path: `${root}[^/]+/[a-z0-9-]+\\.ts$`, pathNot: TEST_FILE },
    to: {
      path: ['\\.(table|repository)\\.ts$', '^src/platform/db/', 'drizzle-orm'],
      dependencyTypesNot: ['type-only'],
    },
  };
  const downwards = layers.slice(0, -1).map((feature, index) => ({
    name: `${context}-${feature}-not-upwards`,
    comment: `${context}/${feature} sits below ${layers.slice(index + 1).join(', ')}: it never imports them.`,
    severity: 'error',
    from: { path: `${root}${feature}/`, pathNot: TEST_FILE },
    to: { path: `${root}(${layers.slice(index + 1).join('|')})/` },
  }));
  return [through, ...(joins ? [throughOrTables] : []), pure, ...downwards];
}

const sealedFeatureRules = Object.entries(FEATURE_LAYERS).flatMap(([context, layers]) =>
  layers ? featureRules(context, layers) : [],
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...sealedFeatureRules,
    {
      name: 'platform-not-to-domain',
      comment:
        'src/platform holds db, http, auth, errors, ids, ...: no domain code, so it imports no module, app or cli.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|app|cli)/' },
    },
    {
      name: 'module-not-to-app-or-cli',
      comment: 'A module is used by the composition root (src/app) and the CLI, never the other way round.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'module-only-through-index',
      comment:
        "A context reaches another context only through that context's index.ts (its public door); " +
        'tables, repositories and services stay private to their context.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'crm-not-to-warehouse',
      comment: "Warehouse may call crm's public service; crm never calls warehouse.",
      severity: 'error',
      from: { path: '^src/modules/crm/' },
      to: { path: '^src/modules/warehouse/' },
    },
    {
      name: 'insights-only-through-events',
      comment: 'Insights consumes domain events from platform/events; it does not import crm or warehouse.',
      severity: 'error',
      from: { path: '^src/modules/insights/' },
      to: { path: '^src/modules/(crm|warehouse)/' },
    },
    {
      name: 'feature-layers-downwards',
      comment:
        'Inside a feature: routes -> service -> repository -> table, never upwards. ' +
        'A repository or table does not import a service or routes; a service does not import routes.',
      severity: 'error',
      from: { path: '\\.(table|repository|service|contract|errors)\\.ts$', pathNot: TEST_FILE },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'feature-layers-downwards-service',
      comment: 'Queries and tables know nothing of the rules above them.',
      severity: 'error',
      from: { path: '\\.(table|repository|contract)\\.ts$', pathNot: TEST_FILE },
      to: { path: '\\.service\\.ts$' },
    },
    {
      name: 'table-not-to-repository',
      comment: 'A table definition does not import the queries on it.',
      severity: 'error',
      from: { path: '\\.table\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'web-only-contracts',
      comment:
        'The web app imports from the server only contracts (*.contract.ts: zod schemas and types) ' +
        'or a generated client, never server code.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '\\.contract\\.ts$' },
    },
    {
      name: 'server-not-to-web',
      comment: 'The server serves the built web app from dist/web; it never imports web sources.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make load order fragile and layers meaningless; extract the shared part.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Server code ships with production dependencies only; a package used at run time belongs in ' +
        '"dependencies". Type-only imports are erased and allowed.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-test',
      comment: 'Production code does not import tests.',
      severity: 'error',
      from: { pathNot: TEST_FILE },
      to: { path: TEST_FILE },
    },
    {
      name: 'no-non-package-json',
      comment: 'An npm package used here is missing from package.json (dependencies or devDependencies).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'This import resolves to no file: a typo, a missing package, or a moved module.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep type-only imports in the graph: a context reaching into another's types is still coupling.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
