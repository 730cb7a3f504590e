// Two projects: the pure core and adapters run in Node; React views run in jsdom.
const { transform } = require('./jest.shared');

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full entry pulls in
// ESM-only packages jest cannot require; point it at the enum's own CommonJS file.
const moduleNameMapper = {
  '^office-addin-manifest$':
    '<rootDir>/node_modules/office-addin-mock/node_modules/office-addin-manifest/lib/officeApp.js',
};

/** @type {import('jest').Config} */
module.exports = {
  // A guard against a hung test, not a speed check (speed is measured in bench/): jest's 5 s default failed
  // tests that start a worker or render a view when the machine was loaded (load average 18 on 2 cores).
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      setupFiles: ['<rootDir>/test/setup/vm-modules.ts', '<rootDir>/test/setup/custom-functions.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
    },
    {
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      transform,
      moduleNameMapper,
      setupFiles: [
        '<rootDir>/test/setup/vm-modules.ts',
        '<rootDir>/test/setup/custom-functions.ts',
        '<rootDir>/test/setup/jsdom.ts',
      ],
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
    },
  ],
};
