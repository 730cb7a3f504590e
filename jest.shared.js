// What the unit and browser test configurations share: how TypeScript compiles for jest.
// TypeScript compiles to CommonJS (module Node16 on a package without "type": "module"), which keeps
// `import()` a real dynamic import: ESM-only packages such as glpk.js load natively when jest runs with
// node --experimental-vm-modules (npm test and npm run test:unit set it).
const transform = {
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
};

module.exports = { transform };
