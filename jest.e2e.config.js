// Browser end-to-end tests: real Debian Chromium through playwright-core against the built dist/.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': [
      '<rootDir>/test/setup/fast-globals-transform.cjs',
      {
        tsconfig: {
          module: 'Node16',
          moduleResolution: 'Node16',
          jsx: 'react-jsx',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  setupFiles: ['<rootDir>/test/setup/vm-modules.ts', '<rootDir>/test/setup/custom-functions.ts'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts', '<rootDir>/test/scenario/**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
