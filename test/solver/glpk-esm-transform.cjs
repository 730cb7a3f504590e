/**
 * Jest transform for glpk.js, which ships ES modules only while our jest runs CommonJS.
 * esbuild rewrites the module to CommonJS; `import.meta.url` (used by the Node entry to find its
 * wasm next to it) becomes the file URL of the module, and dynamic `import()` becomes `require()`.
 * Wire-up in jest.config.js (node project):
 *   transform: { ...transform, '/node_modules/glpk\\.js/.+\\.js$': '<rootDir>/test/solver/glpk-esm-transform.cjs' },
 *   transformIgnorePatterns: ['/node_modules/(?!glpk\\.js/)'],
 */
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      supported: { 'dynamic-import': false },
      define: { 'import.meta.url': '__glpkModuleUrl' },
      banner: 'var __glpkModuleUrl = require("node:url").pathToFileURL(__filename).href;',
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update('glpk-esm-transform-1').update(filename).update(source).digest('hex');
  },
};
