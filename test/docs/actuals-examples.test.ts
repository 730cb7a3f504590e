/**
 * What docs/guide/getting-started.md shows under "Actuals" holds: its two CSV layouts, side by side in
 * one block, load the same amounts into a template holding their line and months; the refusal it
 * quotes is the reader's message; a semicolon file is read and its `1.234,5` refused naming the cell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvGrid } from '../../src/sheets/csv';
import { readHierarchy } from '../../src/sheets/template/hierarchy';
import { monthSequence } from '../../src/sheets/template/months';
import { readTemplateActuals } from '../../src/sheets/template/actuals';
import { resolveTemplate } from '../../src/sheets/template/spec';
import { fpaErrorOf } from '../fpa-error-of';

const guide = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'guide', 'getting-started.md'), 'utf8');
const section = guide.slice(guide.indexOf('## Actuals'), guide.indexOf('## Then'));

/** The block's two files: each line holds the long layout's line, spaces, then the wide layout's. */
function layouts(): { long: string; wide: string } {
  const block = /```\n([\s\S]*?)```/.exec(section)![1].trimEnd().split('\n');
  const pairs = block.map((line) => line.split(/\s{2,}/));
  expect(pairs.every((p) => p.length === 2)).toBe(true);
  return { long: pairs.map((p) => p[0]).join('\n'), wide: pairs.map((p) => p[1]).join('\n') };
}

/** A template with the lines and months the examples name (cost centres MKT and XX's absence). */
const template = resolveTemplate({
  hierarchy: readHierarchy([
    ['entity', 'department', 'cost centre', 'owner'],
    ['ACME', 'Marketing', 'MKT', 'ann'],
  ]),
  accounts: ['Travel', 'Software'],
  months: monthSequence('2025-01', 12),
  forecastFrom: '2025-07',
});
const read = (csv: string) => readTemplateActuals(csvGrid(csv).rows, template);

describe('getting-started’s actuals', () => {
  it('load the same amount from either layout', () => {
    const { long, wide } = layouts();
    const fromLong = read(long).amounts.get('MKT/Travel')!;
    const fromWide = read(wide).amounts.get('MKT/Travel')!;
    // The long file has one row; the wide one the same month and the next.
    expect(fromLong[0]).toBe(fromWide[0]);
    expect(fromLong[0]).toBeGreaterThan(0);
    expect(fromWide[1]).toBeGreaterThan(0);
  });

  it('quote the refusal of a line the template does not have as the reader words it', () => {
    const quoted = /\(`(actuals row (\d+): the line "([^"/]+)\/([^"]+)" is not in the template)`\)/.exec(
      section.replace(/\s+/g, ' '),
    );
    expect(quoted).not.toBeNull();
    const [, message, row, costCentre, account] = quoted!;
    const [header] = layouts().long.split('\n');
    // The quoted row number counts the header as row 1; the rows before it are lines the template has.
    const before = Array.from({ length: Number(row) - 2 }, (_, i) => `MKT,Travel,2025-0${i + 1},1200`);
    const rows = [header, ...before, `${costCentre},${account},2025-01,1`];
    expect(fpaErrorOf(() => read(rows.join('\n'))).message).toBe(`${message}.`);
  });

  it('read a semicolon file, and refuse a decimal comma naming the cell', () => {
    expect(section).toMatch(/separated by semicolons/);
    const ok = read('cost centre;account;period;amount\nMKT;Travel;2025-01;1234.5');
    expect(ok.amounts.get('MKT/Travel')![0]).toBe(1234.5);
    const refused = fpaErrorOf(() => read('cost centre;account;period;amount\nMKT;Travel;2025-01;1.234,5'));
    expect(refused.message).toMatch(/^actuals row 2, column 4 \(amount\)/);
    expect(refused.message).toMatch(/1\.234,5/);
  });
});
