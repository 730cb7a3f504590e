import { layoutLabels, textWidth } from '../../src/chart/label-layout';
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

describe('textWidth', () => {
  it('grows with the text and the font, narrower for separators', () => {
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('1,234', 10)).toBeLessThan(textWidth('12345', 10));
    expect(textWidth('P95 52,348', 20)).toBeCloseTo(2 * textWidth('P95 52,348', 10), 10);
  });
});
