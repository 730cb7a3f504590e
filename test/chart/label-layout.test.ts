import { layoutLabels, layoutMarkerLabels, textWidth, type LabelRequest } from '../../src/chart/label-layout';
import { SeededGenerator } from '../../src/stats/seeded-generator';

/** Two labels on one row closer than half their widths plus the gap (to a rounding error). */
const overlaps = (a: { x: number; row: number }, b: { x: number; row: number }, wa: number, wb: number) =>
  a.row === b.row && Math.abs(a.x - b.x) < (wa + wb) / 2 - 1e-9;

describe('layoutLabels', () => {
  it('keeps labels on their anchors when they do not collide', () => {
    expect(
      layoutLabels(
        [
          { at: 20, width: 30 },
          { at: 120, width: 30 },
        ],
        0,
        200,
      ),
    ).toEqual([
      { x: 20, row: 0 },
      { x: 120, row: 0 },
    ]);
  });

  it('moves a colliding label to the next row, then sideways when the rows are full', () => {
    const placed = layoutLabels(
      [
        { at: 50, width: 40 },
        { at: 60, width: 40 },
        { at: 65, width: 40 },
      ],
      0,
      200,
    );
    expect(placed[0]).toEqual({ x: 50, row: 0 });
    expect(placed[1]).toEqual({ x: 60, row: 1 });
    expect(placed[2]).toEqual({ x: 94, row: 0 }); // 50 + 20 + gap 4 + 20
  });

  it('keeps labels inside the room', () => {
    expect(layoutLabels([{ at: 2, width: 40 }], 0, 200)).toEqual([{ x: 20, row: 0 }]);
    expect(layoutLabels([{ at: 199, width: 40 }], 0, 200)).toEqual([{ x: 180, row: 0 }]);
  });

  it('returns nothing for no labels, and places labels given in any order', () => {
    expect(layoutLabels([], 0, 100)).toEqual([]);
    const placed = layoutLabels(
      [
        { at: 150, width: 30 },
        { at: 10, width: 30 },
      ],
      0,
      200,
    );
    expect(placed).toEqual([
      { x: 150, row: 0 },
      { x: 15, row: 0 },
    ]);
  });

  it('never overlaps two labels on one row (seeded, 300 layouts)', () => {
    const g = new SeededGenerator(9, 'labels');
    for (let k = 0; k < 300; k++) {
      const labels = Array.from({ length: 1 + (k % 6) }, () => ({
        at: g.nextOpen01() * 280,
        width: 20 + g.nextOpen01() * 40,
      }));
      const placed = layoutLabels(labels, 0, 1e6, 4, 2);
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(overlaps(placed[i], placed[j], labels[i].width + 4, labels[j].width + 4)).toBe(false);
    }
  });
});

/**
 * What a reader would see go wrong on a marker chart: a label's box (with `gap` around it) touching
 * another label's box on its row, or another marker's line, which runs down from just under its own
 * label through every lower row. Rows count from the top; a row's labels share one band of height.
 */
function collisions(labels: LabelRequest[], placed: Array<{ x: number; row: number }>, gap: number): string[] {
  const found: string[] = [];
  const box = (i: number) => [placed[i].x - labels[i].width / 2, placed[i].x + labels[i].width / 2];
  for (let i = 0; i < labels.length; i++) {
    const [l, r] = box(i);
    for (let j = 0; j < labels.length; j++) {
      if (j === i) continue;
      const [lj, rj] = box(j);
      if (placed[j].row === placed[i].row && j > i && l < rj + gap - 1e-9 && lj < r + gap - 1e-9)
        found.push(`labels ${i} and ${j} overlap on row ${placed[i].row}`);
      if (placed[j].row < placed[i].row && labels[j].at > l - gap + 1e-9 && labels[j].at < r + gap - 1e-9)
        found.push(`label ${i} (row ${placed[i].row}) is on marker ${j}'s line at ${labels[j].at.toFixed(1)}`);
    }
  }
  return found;
}

describe('layoutMarkerLabels', () => {
  // P5/P50/P95 labels as the histogram draws them ("P50 42,189" ≈ 55 px at 10 px).
  const widths = ['P5 34,963', 'P50 42,189', 'P95 52,348'].map((t) => textWidth(t, 10));

  it("puts P50 off P5's line in a third row when P5, P50 and P95 are close (320 px: 155, 183, 212 px)", () => {
    const labels = [155, 183, 212].map((at, i) => ({ at, width: widths[i] }));
    const { placed, rows } = layoutMarkerLabels(labels, 0, 288, 6);
    expect(collisions(labels, placed, 6)).toEqual([]);
    expect(rows).toBe(3);
    // Each label stays over its own line, and P5, P50, P95 read left to right.
    placed.forEach((p, i) => expect(Math.abs(p.x - labels[i].at)).toBeLessThanOrEqual(widths[i] / 2 + 6));
    expect(placed[0].x).toBeLessThan(placed[1].x);
    expect(placed[1].x).toBeLessThan(placed[2].x);
  });

  it('keeps one row when the markers are far apart', () => {
    const labels = [40, 150, 260].map((at, i) => ({ at, width: widths[i] }));
    const { placed, rows } = layoutMarkerLabels(labels, 0, 300, 6);
    expect(rows).toBe(1);
    expect(placed.map((p) => p.x)).toEqual([40, 150, 260]);
  });

  it("places markers on one value (a distribution with no spread) off each other's lines", () => {
    const labels = [100, 100, 100].map((at, i) => ({ at, width: widths[i] }));
    const { placed } = layoutMarkerLabels(labels, 0, 288, 6);
    expect(collisions(labels, placed, 6)).toEqual([]);
    placed.forEach((p, i) => expect(Math.abs(p.x - 100)).toBeLessThanOrEqual(widths[i] / 2 + 6));
  });

  it("never puts a label on another label or another marker's line, at any width from 320 px (seeded, 3000 layouts)", () => {
    const g = new SeededGenerator(20, 'marker-labels');
    for (let k = 0; k < 3000; k++) {
      // The histogram's drawing at pane widths 320–800 px (288–560 px wide), its plot 34 px in and 10 px short.
      const width = 288 + Math.floor(g.nextOpen01() * 273);
      const [left, right] = [34, width - 10];
      const n = 1 + (k % 5);
      // Spacings from none (all on one value) to the whole axis: a centre and a spread.
      const centre = left + g.nextOpen01() * (right - left);
      const spread = k % 7 === 0 ? 0 : g.nextOpen01() ** 2 * (right - left);
      const ats = Array.from({ length: n }, () =>
        Math.min(right, Math.max(left, centre + (g.nextOpen01() - 0.5) * spread)),
      ).sort((a, b) => a - b);
      const labels = ats.map((at, i) => ({ at, width: i < 3 ? widths[i] : 40 + g.nextOpen01() * 30 }));
      const { placed, rows } = layoutMarkerLabels(labels, 0, width, 6);
      expect(collisions(labels, placed, 6)).toEqual([]);
      expect(rows).toBeLessThanOrEqual(n);
      for (let i = 0; i < n; i++) {
        expect(placed[i].x - labels[i].width / 2).toBeGreaterThanOrEqual(-1e-9);
        expect(placed[i].x + labels[i].width / 2).toBeLessThanOrEqual(width + 1e-9);
        // Over its own line: the line's top is under the label or within the gap of its edge.
        expect(Math.abs(placed[i].x - labels[i].at)).toBeLessThanOrEqual(labels[i].width / 2 + 6 + 1e-9);
      }
    }
  });
});

describe('textWidth', () => {
  it('grows with the text and the font, narrower for separators', () => {
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('1,234', 10)).toBeLessThan(textWidth('12345', 10));
    expect(textWidth('P95 52,348', 20)).toBeCloseTo(2 * textWidth('P95 52,348', 10), 10);
  });
});
