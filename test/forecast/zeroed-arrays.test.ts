import { zeroedArray } from '../../src/forecast/zeroed-arrays';

describe('zeroedArray', () => {
  test('gives zeroed arrays of the asked length that share no element', () => {
    const arrays = Array.from({ length: 50 }, (_, i) => zeroedArray(1 + ((i * 37) % 900)));
    arrays.forEach((a, i) => {
      expect(a).toHaveLength(1 + ((i * 37) % 900));
      expect(a.every((v) => v === 0)).toBe(true);
    });
    // Writing one array leaves every other one at zero.
    arrays.forEach((a, i) => a.fill(i + 1));
    arrays.forEach((a, i) => expect(a.every((v) => v === i + 1)).toBe(true));
  });

  test('a long array gets its own buffer, still zeroed', () => {
    const a = zeroedArray(100000);
    expect(a).toHaveLength(100000);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(800000);
    expect(a.every((v) => v === 0)).toBe(true);
  });

  test('an empty array is empty', () => {
    expect(zeroedArray(0)).toHaveLength(0);
  });
});
