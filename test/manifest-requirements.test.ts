/**
 * Every Office.js API the add-in calls is in a requirement set the manifest declares, at the
 * version the manifest declares (and no higher than it needs, so no host is turned away for
 * nothing). The calls are found with the TypeScript checker: every property access or `new` in
 * taskpane/ and functions/ whose symbol is declared by @types/office-js or
 * @types/custom-functions-runtime. Each must be a row of REQUIREMENT_SETS below, copied from the
 * member's page of the Office.js reference (learn.microsoft.com/javascript/api/excel/…, "API set:
 * ExcelApi 1.x"); the test also checks the row against the same remark in the type declarations.
 * Members the reference puts in no set (load, items, sync, Office.context…) are not listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');

/** Member → requirement set, as the Office.js reference gives it. */
const REQUIREMENT_SETS: Record<string, string> = {
  'CustomFunctions.CancelableInvocation.onCanceled': 'CustomFunctionsRuntime 1.1',
  'CustomFunctions.Error': 'CustomFunctionsRuntime 1.2',
  'CustomFunctions.ErrorCode': 'CustomFunctionsRuntime 1.3',
  'CustomFunctions.ErrorCode.invalidNumber': 'CustomFunctionsRuntime 1.3',
  'CustomFunctions.ErrorCode.invalidValue': 'CustomFunctionsRuntime 1.3',
  'CustomFunctions.ErrorCode.notAvailable': 'CustomFunctionsRuntime 1.3',
  'Excel.Chart.delete': 'ExcelApi 1.1',
  'Excel.Chart.height': 'ExcelApi 1.1',
  'Excel.Chart.legend': 'ExcelApi 1.1',
  'Excel.Chart.name': 'ExcelApi 1.1',
  'Excel.Chart.series': 'ExcelApi 1.1',
  'Excel.Chart.setPosition': 'ExcelApi 1.1',
  'Excel.Chart.title': 'ExcelApi 1.1',
  'Excel.Chart.width': 'ExcelApi 1.1',
  'Excel.ChartCollection.add': 'ExcelApi 1.1',
  'Excel.ChartCollection.getItemOrNullObject': 'ExcelApi 1.4',
  'Excel.ChartLegend.visible': 'ExcelApi 1.1',
  'Excel.ChartSeries.name': 'ExcelApi 1.1',
  'Excel.ChartSeries.setValues': 'ExcelApi 1.7',
  'Excel.ChartSeries.setXAxisValues': 'ExcelApi 1.7',
  'Excel.ChartSeriesCollection.add': 'ExcelApi 1.7',
  'Excel.ChartSeriesCollection.getItemAt': 'ExcelApi 1.1',
  'Excel.ChartTitle.text': 'ExcelApi 1.1',
  'Excel.NamedItem.delete': 'ExcelApi 1.4',
  'Excel.NamedItem.formula': 'ExcelApi 1.7',
  'Excel.NamedItem.name': 'ExcelApi 1.1',
  'Excel.NamedItemCollection.add': 'ExcelApi 1.4',
  'Excel.NamedItemCollection.getItem': 'ExcelApi 1.1',
  'Excel.PageLayout.setPrintArea': 'ExcelApi 1.9',
  'Excel.Range.address': 'ExcelApi 1.1',
  'Excel.Range.clear': 'ExcelApi 1.1',
  'Excel.Range.columnIndex': 'ExcelApi 1.1',
  'Excel.Range.format': 'ExcelApi 1.1',
  'Excel.Range.formulas': 'ExcelApi 1.1',
  'Excel.Range.getEntireColumn': 'ExcelApi 1.1',
  'Excel.Range.getOffsetRange': 'ExcelApi 1.1',
  'Excel.Range.getMergedAreasOrNullObject': 'ExcelApi 1.13',
  'Excel.Range.getResizedRange': 'ExcelApi 1.2',
  'Excel.Range.moveTo': 'ExcelApi 1.11',
  'Excel.Range.numberFormat': 'ExcelApi 1.1',
  'Excel.Range.rowIndex': 'ExcelApi 1.1',
  'Excel.Range.values': 'ExcelApi 1.1',
  'Excel.Range.worksheet': 'ExcelApi 1.1',
  'Excel.RangeAreas.address': 'ExcelApi 1.9',
  'Excel.RangeFont.bold': 'ExcelApi 1.1',
  'Excel.RangeFont.color': 'ExcelApi 1.1',
  'Excel.RangeFont.italic': 'ExcelApi 1.1',
  'Excel.RangeFont.size': 'ExcelApi 1.1',
  'Excel.RangeFormat.autofitColumns': 'ExcelApi 1.2',
  'Excel.RangeFormat.columnWidth': 'ExcelApi 1.2',
  'Excel.RangeFormat.font': 'ExcelApi 1.1',
  'Excel.Table.getRange': 'ExcelApi 1.1',
  'Excel.Table.name': 'ExcelApi 1.1',
  'Excel.Table.resize': 'ExcelApi 1.13',
  'Excel.Table.worksheet': 'ExcelApi 1.2',
  'Excel.TableCollection.add': 'ExcelApi 1.1',
  'Excel.TableCollection.getItem': 'ExcelApi 1.1',
  'Excel.Workbook.getSelectedRange': 'ExcelApi 1.1',
  'Excel.Workbook.names': 'ExcelApi 1.1',
  'Excel.Workbook.tables': 'ExcelApi 1.1',
  'Excel.Workbook.worksheets': 'ExcelApi 1.1',
  'Excel.Worksheet.charts': 'ExcelApi 1.1',
  'Excel.Worksheet.freezePanes': 'ExcelApi 1.7',
  'Excel.Worksheet.getRange': 'ExcelApi 1.1',
  'Excel.Worksheet.getRangeByIndexes': 'ExcelApi 1.7',
  'Excel.Worksheet.getUsedRangeOrNullObject': 'ExcelApi 1.4',
  'Excel.Worksheet.name': 'ExcelApi 1.1',
  'Excel.Worksheet.pageLayout': 'ExcelApi 1.9',
  'Excel.Worksheet.tables': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.add': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getActiveWorksheet': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getItem': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getItemOrNullObject': 'ExcelApi 1.4',
  'Excel.WorksheetFreezePanes.freezeAt': 'ExcelApi 1.7',
  'Excel.WorksheetFreezePanes.unfreeze': 'ExcelApi 1.7',
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });

/** The set in a declaration's remarks: "[Api set: ExcelApi 1.13]" or "**Requirement set**: … | X 1.1}". */
function declaredSet(declaration: ts.Declaration): string | null {
  const text = declaration.getFullText();
  const found =
    /\[Api set: ([A-Za-z]+) ([\d.]+)/.exec(text) ?? /\*\*Requirement set\*\*:[^|]*\| ([A-Za-z]+) ([\d.]+)\}/.exec(text);
  return found ? `${found[1]} ${found[2]}` : null;
}

/** "Excel.Table.resize" for a member of Excel.Table; "CustomFunctions.Error" for a class of a namespace. */
function qualifiedName(declaration: ts.Declaration, symbol: ts.Symbol): string {
  const names = [symbol.name];
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent)
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node)) && node.name)
      names.unshift(node.name.text);
    else if (ts.isModuleDeclaration(node)) names.unshift(node.name.getText());
  return names.join('.');
}

/** Every Office.js member used in taskpane/ and functions/, with the set its declaration names (or null). */
function officeApiUses(): Map<string, { set: string | null; at: string }> {
  // Every file, not only those that name Excel. or Office.: a module can reach Office.js through a type it
  // imports (office-cells.ts's ExcelRunner), and its calls must be counted all the same.
  const sources = ['taskpane', 'functions'].flatMap((d) => files(join(ROOT, d)));
  const libs = ['office-js', 'custom-functions-runtime'].map((p) =>
    join(ROOT, 'node_modules', '@types', p, 'index.d.ts'),
  );
  const program = ts.createProgram([...sources, ...libs], {
    noResolve: true,
    types: [],
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const uses = new Map<string, { set: string | null; at: string }>();
  for (const file of sources) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      const target = ts.isPropertyAccessExpression(node)
        ? node.name
        : ts.isNewExpression(node)
          ? node.expression
          : null;
      const symbol = target && checker.getSymbolAtLocation(target);
      const declaration = symbol?.declarations?.[0];
      if (
        symbol &&
        declaration &&
        /@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(declaration.getSourceFile().fileName)
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        const name = qualifiedName(declaration, symbol);
        if (!uses.has(name))
          uses.set(name, { set: declaredSet(declaration), at: `${file.slice(ROOT.length + 1)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

const version = (v: string) => v.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/** The manifest's <Requirements><Sets>: name → MinVersion (DefaultMinVersion when absent). */
function manifestSets(xml: string): Map<string, string> {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? '';
  const fallback = /DefaultMinVersion="([\d.]+)"/.exec(requirements)?.[1] ?? '1.1';
  return new Map(
    [...requirements.matchAll(/<Set Name="(\w+)"(?: MinVersion="([\d.]+)")?\s*\/>/g)].map((m) => [
      m[1],
      m[2] ?? fallback,
    ]),
  );
}

describe('Office.js requirement sets', () => {
  let uses: Map<string, { set: string | null; at: string }>;
  beforeAll(() => {
    uses = officeApiUses();
  }, 300_000);

  test('the scan finds the calls it exists for', () => {
    expect(uses.get('Excel.Table.resize')?.set).toBe('ExcelApi 1.13');
    expect(uses.get('Excel.Range.moveTo')?.at).toMatch(/^taskpane\/workbook\/office-template\.ts:\d+$/);
    expect(uses.get('CustomFunctions.Error')?.set).toBe('CustomFunctionsRuntime 1.2');
  });

  test('every member in a set is in the table, with the set its reference page gives; no row is unused', () => {
    const inSets = [...uses].filter(([, u]) => u.set !== null);
    const missing = inSets
      .filter(([name]) => !(name in REQUIREMENT_SETS))
      .map(([n, u]) => `${n} (${u.set}) at ${u.at}`);
    expect(missing).toEqual([]);
    const wrong = inSets.filter(([name, u]) => REQUIREMENT_SETS[name] !== u.set).map(([n, u]) => `${n}: ${u.set}`);
    expect(wrong).toEqual([]);
    expect(Object.keys(REQUIREMENT_SETS).filter((name) => !uses.has(name))).toEqual([]);
  });

  test('the manifest declares each set at the highest version used, and no higher', () => {
    const needed = new Map<string, string>();
    for (const entry of Object.values(REQUIREMENT_SETS)) {
      const [set, v] = entry.split(' ');
      if (!needed.has(set) || newer(v, needed.get(set)!)) needed.set(set, v);
    }
    expect(Object.fromEntries(needed)).toEqual({ ExcelApi: '1.13', CustomFunctionsRuntime: '1.3' });
    const declared = manifestSets(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
    for (const [set, v] of needed) expect([set, declared.get(set)]).toEqual([set, v]);
    // The shared runtime hosts the pane and the functions together (validate-manifest.mjs checks it too).
    expect(declared.get('SharedRuntime')).toBe('1.1');
  });
});
