// Jest runs the TypeScript sources as native ES modules through SWC (NestJS 12 is ESM-only).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// The suites of an engine this run is not given are not collected, rather than collected and reported skipped:
// `npm test` runs the embedded engines; `npm run test:mongo` (MONGO_URL) and `npm run test:kurrentdb`
// (KURRENTDB_URL) run the others' suites. (Unit specs of an adapter's code run everywhere.)
const otherEngines = [
  ...(process.env.MONGO_URL ? [] : ['/mongodb/.*\\.int-spec\\.ts$', '/readiness-outage\\.e2e-spec\\.ts$']),
  ...(process.env.KURRENTDB_URL ? [] : ['/kurrentdb/.*\\.int-spec\\.ts$']),
  // And the other way round: suites of the embedded engines only (the access matrix, whose rules do not depend on the
  // engine and whose 550 fixture projects would take long on FerretDB; `npm run backup`, which copies SQLite files).
  ...(process.env.MONGO_URL || process.env.KURRENTDB_URL ? ['/authorization\\.e2e-spec\\.ts$', '/backup\\.e2e-spec\\.ts$'] : []),
];

const common = {
  rootDir: '.',
  transform: { '^.+\\.ts$': swc },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@carnet/(domain|contracts|event-store|read-store|account-store|blob-store)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/apps/.*/dist', '<rootDir>/libs/.*/dist', '<rootDir>/.tmp'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/', ...otherEngines],
};

export default {
  // Per-project testTimeout is not honoured: the e2e suites start real servers, so the whole run gets 30 s a test.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps/api,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps/api,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/apps/api/**/*.e2e-spec.ts'] },
  ],
};
