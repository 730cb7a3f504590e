/**
 * Learning a driver from its actuals in the Drivers view: the driver is the prior; the actuals are
 * read from the selection; the conjugate update (src/scenario/posterior, as FPA.DRIVER.UPDATE) gives
 * the posterior. Prior and posterior are shown side by side, with their parameters, their P5–P95
 * ranges on one axis, the conjugate parameters and the evidence used; "Use the posterior" makes the
 * driver the posterior, so the next scenario run uses it (the prior is kept in the driver's note).
 */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { countOf } from '../../../src/format/count-of';
import { readActualSeries } from '../../../src/sheets/actual-series';
import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import type { DistributionSummary, DriverDistribution, DriverUpdate } from '../../../src/scenario/posterior/types';
import type { DriverRecord } from '../../../src/store/schema';
import { useNumbers } from '../../state/numbers';
import { textWidth } from '../../../src/chart';
import { BottomAxis, ChartFrame, FONT, linearScale, RowName, tickCount } from '../charts/ChartFrame';
import { usePlainListStyles } from '../shell/plain-list';
import { CompactHead, type CompactColumn } from '../tables/CompactHead';
import { useCompactTableStyles } from '../tables/compact-table-styles';
import { toSheetGrid } from '../../workbook/sheet-grid';
import type { Workbook } from '../../workbook/types';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

export interface DriverUpdateProps {
  driver: DriverRecord;
  workbook: Workbook;
  /** Makes the driver its posterior (same id and name). */
  onUse: (posterior: DriverRecord) => void;
  onClose: () => void;
}

/** Prior and posterior side by side, drawn as the run's statistics are (the pane's compact table). */
const COLUMNS: CompactColumn[] = [
  { label: '' },
  ...['P5', 'P50', 'P95', 'mean', 'sd'].map((label): CompactColumn => ({ label, align: 'number' })),
];

const describe = (d: DriverDistribution, number: (v: number) => string): string =>
  `${d.family}(${Object.entries(d.params)
    .map(([k, v]) => `${k} ${number(v)}`)
    .join(', ')})`;

const ROW = 20;

/**
 * The P5–P95 range (a bar) and P50 (a tick) of prior and posterior on one value axis, the
 * posterior's being the next actual's; drawn in the pane's chart frame, so the axis has its values.
 */
function RangeChart({
  driver,
  rows,
  number,
}: {
  driver: string;
  rows: Array<[string, DistributionSummary]>;
  number: (v: number) => string;
}) {
  const description = rows.map(([name, s]) => `${name} P5 ${number(s.p5)} to P95 ${number(s.p95)}`).join('; ');
  const nameWidth = Math.max(...rows.map(([name]) => textWidth(name, FONT))) + 8;
  return (
    <ChartFrame
      title={`${driver}: P5–P95 and P50, prior and next actual`}
      description={description}
      height={rows.length * ROW + 40}
      margin={{ left: nameWidth, right: 12, top: 4, bottom: 34 }}
      testId="driver-update-ranges"
    >
      {(plot) => {
        const lo = Math.min(...rows.map(([, s]) => s.p5));
        const hi = Math.max(...rows.map(([, s]) => s.p95));
        const x = linearScale(lo, hi, plot.left, plot.right, tickCount(plot.right - plot.left, 60));
        return (
          <>
            <BottomAxis scale={x} plot={plot} unit="number" label={driver} />
            {rows.map(([name, s], i) => {
              const y = plot.top + i * ROW;
              return (
                <g key={name} data-range={name}>
                  <RowName plot={plot} y={y + ROW / 2}>
                    {name}
                  </RowName>
                  <rect
                    x={x.at(s.p5)}
                    y={y + 5}
                    width={Math.max(x.at(s.p95) - x.at(s.p5), 1)}
                    height={ROW - 10}
                    fill={tokens.colorBrandBackground}
                  />
                  <line
                    x1={x.at(s.p50)}
                    x2={x.at(s.p50)}
                    y1={y + 1}
                    y2={y + ROW - 1}
                    stroke={tokens.colorNeutralForeground1}
                    strokeWidth={2}
                  />
                </g>
              );
            })}
          </>
        );
      }}
    </ChartFrame>
  );
}

export function DriverUpdatePanel({ driver, workbook, onUse, onClose }: DriverUpdateProps) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const plain = usePlainListStyles();
  const numbers = useNumbers();
  const { toInput, parse, formatAll } = numbers;
  const [weight, setWeight] = useState('1');
  const [found, setFound] = useState<{ address: string; update: DriverUpdate } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A distribution's parameters as the driver will hold them (six significant digits).
  const number = (v: number) => (Number.isFinite(v) ? toInput(Number(v.toPrecision(6))) : '–');

  const read = async () => {
    setProblem(null);
    try {
      const w = parse(weight, { field: 'Weight of one actual' });
      if (!w.ok) throw new Error(w.error.message);
      const { address, values } = await workbook.readSelection();
      const actuals = readActualSeries(toSheetGrid(values));
      setFound({
        address,
        update: updateDriver(
          driver.name,
          driver.distribution,
          driver.params,
          { values: actuals },
          w.value,
          numbers.style,
        ),
      });
    } catch (e) {
      setFound(null);
      setProblem(isFpaError(e) ? e.fullMessage : e instanceof Error ? e.message : String(e));
    }
  };

  const u = found?.update;
  const rows: Array<[string, DriverDistribution, DistributionSummary]> = u
    ? [
        ['prior', u.prior, u.prior],
        ['posterior', u.posterior, u.predictive],
      ]
    : [];
  // Both rows' statistics at one precision, chosen from their spread (P5 114, not 113.551).
  const values = rows.flatMap(([, , s]) => [s.p5, s.p50, s.p95, s.mean, s.sd]);
  const statistics = formatAll(values, 'number');
  return (
    <section className={styles.root} aria-label={`Learn ${driver.name} from actuals`} data-testid="driver-update">
      <Body1>
        Learn {driver.name} from its actuals: select them (one row or column, one period per cell), then read them.
      </Body1>
      <div className={styles.row}>
        <Field label="Weight of one actual" size="small" hint="1: the prior counts as one actual.">
          <Input size="small" value={weight} onChange={(_, d) => setWeight(d.value)} style={{ width: '70px' }} />
        </Field>
        <Button appearance="primary" onClick={() => void read()}>
          Read actuals from selection
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
      {problem && <NoticeBar intent="error" text={problem} />}
      {u && found && (
        <>
          <ul className={plain.list} data-testid="driver-update-distributions">
            {rows.map(([name, d]) => (
              <li key={name} data-distribution={name}>
                <Caption1>
                  <strong>{name}</strong> {describe(d, number)}
                </Caption1>
              </li>
            ))}
          </ul>
          <table className={compact.table} aria-label={`Prior and posterior of ${driver.name}`}>
            <CompactHead columns={COLUMNS} />
            <tbody>
              {rows.map(([name], r) => (
                <tr key={name} data-row={name}>
                  <th scope="row" className={compact.start}>
                    {name}
                  </th>
                  {statistics.slice(5 * r, 5 * r + 5).map((text, i) => (
                    <td key={i} className={compact.number}>
                      {Number.isFinite(values[5 * r + i]) ? text : '–'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <RangeChart driver={driver.name} rows={rows.map(([name, , s]) => [name, s])} number={number} />
          <Caption1 data-testid="driver-update-evidence">
            Evidence: {countOf(u.observations, 'actual')} from {found.address}; {u.method}
            {Object.keys(u.hyperparameters).length > 0
              ? ` (${Object.entries(u.hyperparameters)
                  .map(([k, v]) => `${k} ${number(v)}`)
                  .join(', ')})`
              : ''}
            . The posterior row is the next actual's predictive. {u.notes.join(' ')}
          </Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={u.observations === 0}
              onClick={() =>
                onUse({
                  ...driver,
                  distribution: u.posterior.family,
                  params: u.posterior.params,
                  note: `Posterior of ${describe(u.prior, number)} after ${countOf(u.observations, 'actual')} (${u.method}).${driver.note ? ` ${driver.note}` : ''}`,
                })
              }
            >
              Use the posterior
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
