// Browser end-to-end tests: real Debian Chromium through playwright-core against the built dist/.
const { transform } = require('./jest.shared');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/test/setup/vm-modules.ts', '<rootDir>/test/setup/custom-functions.ts'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts', '<rootDir>/test/scenario/**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
