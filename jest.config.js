// Two projects: fast unit specs beside the code, and flows through real servers: one app through
// its own boundary under apps/<app>/test, several apps together under test/.
const moduleNameMapper = {
  '^@app/(contracts|config|csv-import|messaging|observability|persistence|testing|uploads)(|/.*)$': '<rootDir>/libs/$1/src$2',
};
const setupFiles = ['reflect-metadata'];
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };

module.exports = {
  // Integration tests share one broker and its queue names: one test file at a time.
  maxWorkers: 1,
  // Test files run in a worker, replaced once it holds more than this after a file: each file's
  // services stay behind in a long-lived process, and the later files ran up to 70 % slower in one.
  workerIdleMemoryLimit: '512MB',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'],
      setupFiles,
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFiles,
      moduleNameMapper,
      transform,
    },
  ],
};
