// Temporary jest config for the cash/solver tests until jest.config.js carries the glpk.js transform.
const base = require('../../jest.config.js');
const node = base.projects[0];
module.exports = {
  rootDir: require('node:path').resolve(__dirname, '../..'),
  projects: [{
    ...node,
    rootDir: require('node:path').resolve(__dirname, '../..'),
    transform: { ...node.transform, '/node_modules/glpk\\.js/.+\\.js$': '<rootDir>/test/solver/glpk-esm-transform.cjs' },
    transformIgnorePatterns: ['/node_modules/(?!glpk\\.js/)'],
  }],
};
