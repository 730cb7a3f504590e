/**
 * A plan/actual table at B3:E7 whose cost centre (column C) is merged over two lines each, as Excel
 * returns it: the value in the top-left cell, "" in the others. The sheets reader's test and the
 * pane's merged-areas test read the same table.
 */
export const mergedPlanTable = [
  ['id', 'cost centre', 'plan Jan', 'actual Jan'],
  ['L1', 'MKT', 10, 11],
  ['L2', '', 20, 19],
  ['L3', 'OPS', 30, 31],
  ['L4', '', 40, ''],
];
