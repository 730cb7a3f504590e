// Builds the shared-runtime page: taskpane.html loads office.js, then the custom functions bundle and
// the task pane bundle, so both live in one runtime. functions.json is generated from the JSDoc of
// the functions modules by custom-functions-metadata-plugin (which also appends their
// CustomFunctions.associate calls). The origin the add-in is served from comes from ADDIN_ORIGIN
// (default https://localhost:3000) and is written into dist/manifest.xml and dist/functions.json.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { FUNCTION_MODULES } = require('./functions/modules.json');

const DEV_ORIGIN = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Rewrites the development origin in text assets to the deployment origin. */
class OriginPlugin {
  constructor(origin) {
    this.origin = origin.replace(/\/+$/, '');
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('OriginPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'OriginPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          if (this.origin === DEV_ORIGIN) return;
          for (const name of Object.keys(assets)) {
            if (!/\.(xml|json|html)$/.test(name)) continue;
            const text = assets[name].source().toString();
            if (text.includes(DEV_ORIGIN))
              compilation.updateAsset(name, new sources.RawSource(text.split(DEV_ORIGIN).join(this.origin)));
          }
        },
      );
    });
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const origin = process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  if (!/^https:\/\/[^/]+$/.test(origin.replace(/\/+$/, ''))) {
    throw new Error(`ADDIN_ORIGIN must be an https origin such as https://addins.example.com, got "${origin}"`);
  }
  const config = {
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      functions: './functions/functions.ts',
      taskpane: './taskpane/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTION_MODULES }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        templateParameters: { officeJs: OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help', to: 'help' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
      new OriginPlugin(origin),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: Number(process.env.PORT || 3000),
      server: { type: 'https', options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
      client: { overlay: false },
    },
  };
  return config;
};

async function httpsOptions() {
  // `npm start` has office-addin-dev-certs generate (and, where it can, trust) a localhost certificate;
  // use its files directly, so serving does not depend on installing the CA (which needs sudo on Linux).
  const fs = require('node:fs');
  const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
  const [cert, key, ca] = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      cert: fs.readFileSync(cert),
      key: fs.readFileSync(key),
      ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
    };
  }
  try {
    return await require('office-addin-dev-certs').getHttpsServerOptions();
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not provide certificates (${error.message}); serving with a self-signed certificate.`,
    );
    return {};
  }
}
