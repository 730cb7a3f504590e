import { checkName, hierarchyFromList, readHierarchy } from '../../../src/sheets/template/hierarchy';
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
  test('a department under two entities names both rows', () => {
    const e = refusal(() =>
      readHierarchy([
        ['entity', 'department', 'cost centre'],
        ['ACME', 'Sales', 'S1'],
        ['Beta', 'Sales', 'S2'],
      ]),
    );
    expect(e.code).toBe('TEMPLATE_HIERARCHY_TWO_PARENTS');
    expect(e.message).toBe('hierarchy row 3: "Sales" is under "Beta" here and under "ACME" in hierarchy row 2.');
  });
  test('a cost centre listed twice, or a name used at two levels, is a duplicate naming the row', () => {
    const twice = refusal(() =>
      readHierarchy([
        ['entity', 'cost centre'],
        ['A', 'X'],
        ['A', 'X'],
      ]),
    );
    expect(twice.code).toBe('SHEET_DUPLICATE');
    expect(twice.message).toContain('hierarchy row 3');
    const level = refusal(() =>
      readHierarchy([
        ['entity', 'cost centre'],
        ['A', 'X'],
        ['A', 'A'],
      ]),
    );
    expect(level.code).toBe('TEMPLATE_HIERARCHY_TWO_PARENTS');
  });
  test('no cost centre column, blank names and wildcard names are refused', () => {
    expect(
      refusal(() =>
        readHierarchy([
          ['entity', 'dept'],
          ['A', 'B'],
        ]),
      ).code,
    ).toBe('SHEET_BAD_HEADER');
    expect(refusal(() => readHierarchy([])).code).toBe('SHEET_BAD_HEADER');
    expect(
      refusal(() =>
        readHierarchy([
          ['entity', 'cost centre'],
          ['', 'X'],
        ]),
      ).message,
    ).toContain('hierarchy row 2');
    const star = refusal(() => readHierarchy([['cost centre'], ['MK*']]));
    expect(star.code).toBe('TEMPLATE_BAD_NAME');
    expect(star.message).toContain('hierarchy row 2');
    expect(refusal(() => readHierarchy([['cost centre']])).code).toBe('TEMPLATE_BAD_SPEC');
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
  test('a cycle names the row and the loop', () => {
    const e = refusal(() =>
      readHierarchy([
        ['name', 'parent'],
        ['ACME', ''],
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A'],
        ['X', 'ACME'],
      ]),
    );
    expect(e.code).toBe('TEMPLATE_HIERARCHY_CYCLE');
    expect(e.message).toBe('hierarchy row 3: "A" is its own ancestor (A → B → C → A).');
  });
  test('a node given two parents, and cost centres at different depths, are refused', () => {
    const two = refusal(() =>
      readHierarchy([
        ['name', 'parent'],
        ['S1', 'Sales'],
        ['S1', 'Ops'],
      ]),
    );
    expect(two.code).toBe('TEMPLATE_HIERARCHY_TWO_PARENTS');
    expect(two.message).toContain('hierarchy row 3');
    const uneven = refusal(() =>
      readHierarchy([
        ['name', 'parent'],
        ['S1', 'Sales'],
        ['Sales', 'ACME'],
        ['X', 'ACME'],
      ]),
    );
    expect(uneven.code).toBe('TEMPLATE_BAD_SPEC');
    expect(uneven.message).toContain('1 level(s) below the top');
    expect(uneven.hint).toContain('same depth');
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
