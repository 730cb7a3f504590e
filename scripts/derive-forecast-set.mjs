#!/usr/bin/env node
// Derives a second evaluation set from a forecast data set (shared/data format), to check that
// results carry over beyond the tuning set's own split:
//   node scripts/derive-forecast-set.mjs <in.json> <out.json> [--shift K] [--last N] [--horizon H]
// --shift K moves the forecast origin K periods back (the last K training values become the
// actuals; series left with fewer than 2·H + 12 values are dropped); --last N keeps only the last
// N training values (shorter histories, as in business data); --horizon H scores H steps.
import fs from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [input, output] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!input || !output) {
  console.error('usage: derive-forecast-set.mjs <in.json> <out.json> [--shift K] [--last N] [--horizon H]');
  process.exit(2);
}
const data = JSON.parse(fs.readFileSync(input, 'utf8'));
const shift = opt('shift', 0);
const last = opt('last', Infinity);
const horizon = opt('horizon', shift > 0 ? Math.min(shift, data.horizon) : data.horizon);
const series = [];
for (const s of data.series) {
  let values = s.values;
  let actual = s.actual ?? [];
  if (shift > 0) {
    actual = values.slice(values.length - shift, values.length - shift + horizon);
    values = values.slice(0, values.length - shift);
  } else actual = actual.slice(0, horizon);
  if (values.length > last) values = values.slice(values.length - last);
  if (values.length < 2 * horizon + 12 || actual.length < horizon) continue;
  series.push({ id: s.id, values, actual });
}
const name = `${data.name} (origin ${shift} back${Number.isFinite(last) ? `, last ${last} values` : ''}, horizon ${horizon})`;
fs.writeFileSync(output, JSON.stringify({ name, frequency: data.frequency, horizon, series }));
console.error(`${output}: ${series.length} series, horizon ${horizon}`);
