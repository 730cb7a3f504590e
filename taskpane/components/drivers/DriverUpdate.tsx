/**
 * Learning a driver from its actuals in the Drivers view: the driver is the prior; the actuals are
 * read from the selection; the conjugate update (src/scenario/posterior, as FPA.DRIVER.UPDATE) gives
 * the posterior. Prior and posterior are shown side by side, with their parameters, their P5–P95
 * ranges on one axis, the conjugate parameters and the evidence used; "Use the posterior" makes the
 * driver the posterior, so the next scenario run uses it (the prior is kept in the driver's note).
 */
import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { countOf } from '../../../src/format/count-of';
import { readActualSeries } from '../../../src/sheets/actual-series';
import { updateDriver } from '../../../src/scenario/posterior/update-driver';
import type { DistributionSummary, DriverDistribution, DriverUpdate } from '../../../src/scenario/posterior/types';
import type { DriverRecord } from '../../../src/store/schema';
import { useNumbers } from '../../state/numbers';
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
  wrap: { overflowX: 'auto' },
});

export interface DriverUpdateProps {
  driver: DriverRecord;
  workbook: Workbook;
  /** Makes the driver its posterior (same id and name). */
  onUse: (posterior: DriverRecord) => void;
  onClose: () => void;
}

const describe = (d: DriverDistribution, number: (v: number) => string): string =>
  `${d.family}(${Object.entries(d.params)
    .map(([k, v]) => `${k} ${number(v)}`)
    .join(', ')})`;

/** The P5–P95 range and P50 of prior and posterior on one axis (the posterior's is the next actual's). */
function RangeChart({ rows, number }: { rows: Array<[string, DistributionSummary]>; number: (v: number) => string }) {
  const lo = Math.min(...rows.map(([, s]) => s.p5));
  const hi = Math.max(...rows.map(([, s]) => s.p95));
  const x = (v: number) => (hi > lo ? 10 + (280 * (v - lo)) / (hi - lo) : 150);
  const label = rows.map(([name, s]) => `${name} P5 ${number(s.p5)} to P95 ${number(s.p95)}`).join('; ');
  return (
    <svg width="100%" viewBox={`0 0 300 ${rows.length * 24 + 6}`} role="img" aria-label={label}>
      {rows.map(([name, s], i) => (
        <g key={name} data-range={name}>
          <line x1={x(s.p5)} x2={x(s.p95)} y1={14 + 24 * i} y2={14 + 24 * i} stroke="currentColor" strokeWidth={6} />
          <line x1={x(s.p50)} x2={x(s.p50)} y1={6 + 24 * i} y2={22 + 24 * i} stroke="currentColor" strokeWidth={2} />
          <text x={x(s.p95) + 4 > 250 ? 4 : x(s.p95) + 4} y={11 + 24 * i} fontSize={9}>
            {name}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function DriverUpdatePanel({ driver, workbook, onUse, onClose }: DriverUpdateProps) {
  const styles = useStyles();
  const compact = useCompactTableStyles();
  const { toInput, parse } = useNumbers();
  const [weight, setWeight] = useState('1');
  const [found, setFound] = useState<{ address: string; update: DriverUpdate } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
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
        update: updateDriver(driver.name, driver.distribution, driver.params, { values: actuals }, w.value),
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
          <div className={styles.wrap}>
            <Table size="extra-small" aria-label={`Prior and posterior of ${driver.name}`}>
              <TableHeader>
                <TableRow>
                  {['', 'distribution', 'P5', 'P50', 'P95', 'mean', 'sd'].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map(([name, d, s]) => (
                  <TableRow key={name} data-row={name}>
                    <TableCell>{name}</TableCell>
                    <TableCell>{describe(d, number)}</TableCell>
                    {[s.p5, s.p50, s.p95, s.mean, s.sd].map((v, i) => (
                      <TableCell key={i} className={compact.number}>
                        {number(v)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <RangeChart rows={rows.map(([name, , s]) => [name, s])} number={number} />
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
