import { checkName, hierarchyFromList, readHierarchy } from '../../../src/sheets/template/hierarchy';
import type { SheetGrid } from '../../../src/sheets/sheet-value';
import { refusal } from './helpers';

describe('readHierarchy, path layout', () => {
  test('ancestors to the left; a blank ancestor repeats the one above; owners read', () => {
    const h = readHierarchy([
      [null, null],
      ['Entity', 'Department', 'Cost Centre', 'Owner'],
      ['ACME', 'Sales', 'S1', 'ann'],
      [null, '', 'S2', null],
      ['', 'Ops', 'O1', 'cy'],
      ['Beta', 'Ops2', 'B1', ''],
    ]);
    expect(h.levels).toEqual(['entity', 'department']);
    expect(h.costCentres).toEqual([
      { name: 'S1', owner: 'ann', path: ['ACME', 'Sales'] },
      { name: 'S2', owner: '', path: ['ACME', 'Sales'] },
      { name: 'O1', owner: 'cy', path: ['ACME', 'Ops'] },
      { name: 'B1', owner: '', path: ['Beta', 'Ops2'] },
    ]);
  });
  test('a flat list of cost centres has no levels', () => {
    expect(readHierarchy([['cost center'], ['MKT'], ['IT']])).toEqual({
      levels: [],
      costCentres: [
        { name: 'MKT', owner: '', path: [] },
        { name: 'IT', owner: '', path: [] },
      ],
    });
  });
});

describe('readHierarchy, parent layout', () => {
  test('nodes with parents; leaves are the cost centres, with their ancestors', () => {
    const h = readHierarchy([
      ['name', 'parent', 'owner'],
      ['ACME', null, ''],
      ['Sales', 'ACME', ''],
      ['S1', 'Sales', 'ann'],
      ['Ops', 'ACME', ''],
      ['O1', 'Ops', 'cy'],
    ]);
    expect(h.levels).toEqual(['entity', 'department']);
    expect(h.costCentres).toEqual([
      { name: 'S1', owner: 'ann', path: ['ACME', 'Sales'] },
      { name: 'O1', owner: 'cy', path: ['ACME', 'Ops'] },
    ]);
  });
  test('a parent never listed becomes a top node', () => {
    const h = readHierarchy([
      ['name', 'parent'],
      ['S1', 'Sales'],
      ['S2', 'Sales'],
    ]);
    expect(h.costCentres.map((c) => c.path)).toEqual([['Sales'], ['Sales']]);
  });
});

/** Refused hierarchies: the code, and the message (or its part) naming the row at fault. */
const REFUSED: [string, SheetGrid, string, string][] = [
  [
    'a department under two entities',
    [
      ['entity', 'department', 'cost centre'],
      ['ACME', 'Sales', 'S1'],
      ['Beta', 'Sales', 'S2'],
    ],
    'TEMPLATE_HIERARCHY_TWO_PARENTS',
    'hierarchy row 3: "Sales" is under "Beta" here and under "ACME" in hierarchy row 2.',
  ],
  [
    'a cost centre listed twice',
    [
      ['entity', 'cost centre'],
      ['A', 'X'],
      ['A', 'X'],
    ],
    'SHEET_DUPLICATE',
    'hierarchy row 3',
  ],
  [
    'a name used at two levels',
    [
      ['entity', 'cost centre'],
      ['A', 'X'],
      ['A', 'A'],
    ],
    'TEMPLATE_HIERARCHY_TWO_PARENTS',
    'hierarchy row 3',
  ],
  [
    'no cost centre column',
    [
      ['entity', 'dept'],
      ['A', 'B'],
    ],
    'SHEET_BAD_HEADER',
    'no "cost centre" column',
  ],
  ['nothing at all', [], 'SHEET_BAD_HEADER', 'the selection is empty'],
  [
    'a blank entity',
    [
      ['entity', 'cost centre'],
      ['', 'X'],
    ],
    'TEMPLATE_BAD_SPEC',
    'hierarchy row 2: the entity is blank.',
  ],
  ['a wildcard in a name', [['cost centre'], ['MK*']], 'TEMPLATE_BAD_NAME', 'hierarchy row 2'],
  ['a header without cost centres', [['cost centre']], 'TEMPLATE_BAD_SPEC', 'no cost centres'],
  [
    'a cycle of parents',
    [
      ['name', 'parent'],
      ['ACME', ''],
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'A'],
      ['X', 'ACME'],
    ],
    'TEMPLATE_HIERARCHY_CYCLE',
    'hierarchy row 3: "A" is its own ancestor (A → B → C → A).',
  ],
  [
    'a node given two parents',
    [
      ['name', 'parent'],
      ['S1', 'Sales'],
      ['S1', 'Ops'],
    ],
    'TEMPLATE_HIERARCHY_TWO_PARENTS',
    'hierarchy row 3',
  ],
  [
    'cost centres at different depths',
    [
      ['name', 'parent'],
      ['S1', 'Sales'],
      ['Sales', 'ACME'],
      ['X', 'ACME'],
    ],
    'TEMPLATE_BAD_SPEC',
    '1 level(s) below the top',
  ],
];

describe('readHierarchy refuses, naming the row', () => {
  test.each(REFUSED)('%s', (_, grid, code, message) => {
    const e = refusal(() => readHierarchy(grid));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });
  test('uneven depths say how to fix them', () => {
    const grid = REFUSED.find(([name]) => name === 'cost centres at different depths')![1];
    expect(refusal(() => readHierarchy(grid)).hint).toContain('same depth');
  });
});

describe('hierarchyFromList and checkName', () => {
  test('a list of names with owners', () => {
    expect(hierarchyFromList(['MKT', ' IT '], ['mia']).costCentres).toEqual([
      { name: 'MKT', owner: 'mia', path: [] },
      { name: 'IT', owner: '', path: [] },
    ]);
  });
  test('duplicates (any case), blanks and an empty list are refused', () => {
    expect(refusal(() => hierarchyFromList(['MKT', 'mkt'])).message).toContain('cost centre 2');
    expect(refusal(() => hierarchyFromList(['MKT', ''])).code).toBe('TEMPLATE_BAD_SPEC');
    expect(refusal(() => hierarchyFromList([])).code).toBe('TEMPLATE_BAD_SPEC');
  });
  test('names SUMIFS would misread', () => {
    expect(checkName('R&D', 'x')).toBe('R&D');
    for (const bad of ['a?', 'a~', '>100', '=x'])
      expect(refusal(() => checkName(bad, 'x')).code).toBe('TEMPLATE_BAD_NAME');
  });
});
