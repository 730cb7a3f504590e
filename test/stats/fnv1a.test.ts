import { fnv1a } from '../../src/stats/fnv1a';

describe('fnv1a', () => {
  test('matches the FNV specification’s 32-bit FNV-1a test vectors', () => {
    // http://www.isthe.com/chongo/tech/comp/fnv/ (test vectors of fnv_32a_str):
    // "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
  test('is an unsigned 32-bit integer, also for long and non-ASCII text', () => {
    for (const text of ['x'.repeat(100000), 'Prévision €', '1,2,3,,4']) {
      const h = fnv1a(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      expect(fnv1a(text)).toBe(h);
    }
    expect(fnv1a('1,2,3')).not.toBe(fnv1a('1,2,4'));
  });
});
