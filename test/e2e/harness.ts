/**
 * Browser test harness: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * the built add-in served from dist/ on 127.0.0.1, and office.js served from
 * node_modules/@microsoft/office-js instead of Microsoft's CDN (the machine has no internet).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DriverSpec } from '../../src/scenario/spec';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
const OFFICE_JS_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a folder over http on a free loopback port. */
export async function serveFolder(folder: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(folder, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Answers every request for Microsoft's office.js CDN from the npm package, and refuses other off-machine requests. */
export async function routeOfficeJs(page: Page): Promise<void> {
  await page.route(/^https:\/\/appsforoffice\.microsoft\.com\//, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '');
    const file = path.join(OFFICE_JS_DIR, name);
    if (file.startsWith(OFFICE_JS_DIR) && fs.existsSync(file))
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.fulfill({ status: 404, body: '' });
  });
}

/**
 * Outside Excel, office.js provides `CustomFunctions.associate` (it records associations in
 * `CustomFunctions._association.mappings`, which Excel reads) but not the `Error` class and codes that
 * Excel's custom-functions runtime adds. This init script supplies those two, as Excel would.
 */
export const CUSTOM_FUNCTIONS_ERRORS = `
  (() => {
    class CFError { constructor(code, message) { this.code = code; if (message !== undefined) this.message = message; } }
    window.CustomFunctions = window.CustomFunctions || {};
    window.CustomFunctions.Error = CFError;
    window.CustomFunctions.ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' };
  })();
`;

type Registered = Record<string, (...args: unknown[]) => unknown>;

/** The functions office.js has associated on the page, by id. */
export async function registeredIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(
      (window as unknown as { CustomFunctions: { _association: { mappings: Registered } } }).CustomFunctions
        ._association.mappings,
    ),
  );
}

/** Invokes a registered custom function in the page, as Excel would, and returns its JSON-cloned result. */
export async function invokeFunction(page: Page, id: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ([fid, fargs]) => {
      const mappings = (window as unknown as { CustomFunctions: { _association: { mappings: Registered } } })
        .CustomFunctions._association.mappings;
      const fn = mappings[fid as string];
      if (typeof fn !== 'function') throw new Error(`${String(fid)} is not registered`);
      return JSON.parse(JSON.stringify(await fn(...(fargs as unknown[]))));
    },
    [id, args] as const,
  );
}

export interface AddinPage {
  /** The page, at 320 px wide like a task pane, with office.js routed and Excel's error class installed. */
  page: Page;
  /** Where dist/ is served. */
  url: string;
  /** Page errors and console errors seen so far; a test ends by expecting it empty. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * Everything a browser test of the built add-in starts from: dist/ served on loopback, Chromium
 * launched, one page that records its errors. `ignoreConsole` skips console errors a test expects.
 */
export async function openAddinPage(options: { height: number; ignoreConsole?: RegExp }): Promise<AddinPage> {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/ is not built: run "npm run build" first (npm test does it).');
  const server = await serveFolder(DIST);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 320, height: options.height } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !options.ignoreConsole?.test(message.text()))
      problems.push(`console error: ${message.text()}`);
  });
  await routeOfficeJs(page);
  await page.addInitScript(CUSTOM_FUNCTIONS_ERRORS);
  return {
    page,
    url: server.url,
    problems,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the page has laid itself out at the viewport's width after a resize: the document is
 * as wide as the viewport, then two animation frames (resize observers, such as the tab row's
 * overflow, run before the first; the second paints what they changed). No clock is involved.
 */
export async function settled(page: Page): Promise<void> {
  const width = page.viewportSize()?.width;
  if (width !== undefined) await page.waitForFunction((w) => document.documentElement.clientWidth === w, width);
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Opens a view as a user at this width does: its tab when the tab row shows it, otherwise from the
 * "More" menu at the end of the row.
 */
export async function openView(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await page.waitForTimeout(100); // the tab row settles after a resize
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByTestId('more-views').click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  }
  await page.locator(`[role="tab"][aria-selected="true"][aria-label="${name}"]`).waitFor();
}

/** Opens the identity chip's form when it is closed (name, role, cost centres). */
export async function openIdentity(page: Page): Promise<void> {
  if (!(await page.getByRole('combobox', { name: 'Role' }).isVisible()))
    await page.getByTestId('identity-chip').click();
  await page.getByRole('combobox', { name: 'Role' }).waitFor();
}

export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, 'test', 'e2e', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Opens the pane at `tab` on the workbook double and waits for its tab row (up to 20 s: the first
 * load compiles the bundle). `options` are more query parameters (theme, locale, …).
 * @example await openPaneAt(page, addin.url, 'cash', { theme: 'dark' })
 */
export async function openPaneAt(page: Page, url: string, tab: string, options: Record<string, string> = {}) {
  const query = new URLSearchParams({ workbook: 'double', ...options, tab });
  await page.goto(`${url}/taskpane.html?${query}`, { waitUntil: 'load' });
  await page.getByTestId('tab-row').waitFor({ timeout: 20_000 });
}

/**
 * The add-in page opened on the pane at `tab`, for a file of pane tests (console errors about
 * functions.json and the favicon are expected there and not counted as problems).
 */
export async function openPanePage(tab: string, height = 900): Promise<AddinPage> {
  const addin = await openAddinPage({ height, ignoreConsole: /functions\.json|favicon/ });
  await openPaneAt(addin.page, addin.url, tab);
  return addin;
}

/**
 * The add-in page on its Help view, once the function list is drawn: by then the shared runtime has
 * registered every custom function, so a test can call them (invokeFunction).
 */
export async function openFunctionsPage(): Promise<AddinPage> {
  const addin = await openAddinPage({ height: 640 });
  await addin.page.goto(`${addin.url}/taskpane.html?tab=help`, { waitUntil: 'load' });
  await addin.page.getByTestId('function-list').waitFor({ timeout: 20_000 });
  return addin;
}

/**
 * A test file's add-in page: opened by `open` before the file's tests (up to a minute: the browser
 * starts; `opened` keeps what the file needs or prepares the page) and closed after them. What it
 * returns reads the opened page, e.g. `addin.problems` in the file's last test.
 */
export function addinPageForFile(
  open: () => Promise<AddinPage>,
  opened: (addin: AddinPage) => unknown = () => undefined,
): AddinPage {
  let current: AddinPage | undefined;
  beforeAll(async () => {
    current = await open();
    await opened(current);
  }, 60_000);
  afterAll(async () => {
    await current?.close();
  });
  const get = (): AddinPage => {
    if (!current) throw new Error('the add-in page is opened in beforeAll: read it inside a test');
    return current;
  };
  return {
    get page() {
      return get().page;
    },
    get url() {
      return get().url;
    },
    get problems() {
      return get().problems;
    },
    close: () => get().close(),
  };
}

/** Adds a driver through the Drivers view's form, as a user does. */
export async function addDriver(page: Page, d: DriverSpec): Promise<void> {
  await page.getByRole('button', { name: 'Add driver' }).click();
  await page.getByLabel('Name').fill(d.name);
  await page.getByRole('combobox', { name: 'Distribution' }).selectOption(d.distribution);
  for (const [k, v] of Object.entries(d.params))
    await page.getByRole('textbox', { name: new RegExp(`^${k}`) }).fill(String(v));
  await page.getByRole('button', { name: 'Save driver' }).click();
  await page.getByRole('button', { name: `Edit ${d.name}` }).waitFor();
}

/** Puts `values` at `address` as the double's selection. */
export async function selectValues(page: Page, address: string, values: unknown[][]): Promise<void> {
  await page.evaluate(
    ([a, v]) => {
      (window as unknown as { __openfpaWorkbook: { selection: unknown } }).__openfpaWorkbook.selection = {
        address: a as string,
        values: v as unknown[][],
      };
    },
    [address, values] as const,
  );
}

/** Writes the scenario results' summary to the workbook double (the pane's button) and returns its rows. */
export async function writeSummary(page: Page): Promise<unknown[][]> {
  await page.getByRole('button', { name: 'Write to workbook' }).click();
  await page.getByText(/^Wrote the summary to/).waitFor();
  return page.evaluate(
    () =>
      (window as unknown as { __openfpaWorkbook: { tables: { rows: unknown[][] }[] } }).__openfpaWorkbook.tables[0]
        .rows,
  );
}
