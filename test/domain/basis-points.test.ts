import fc from 'fast-check';
import { formatBasisPoints, percentToBasisPoints, ratioToBasisPoints } from '../../src/domain/basis-points';

describe('percentToBasisPoints', () => {
  it.each([
    ['12.5', 1250],
    ['12.25', 1225],
    ['12.05', 1205],
    ['12', 1200],
    ['0', 0],
    ['0.01', 1],
    ['100', 10000],
    ['100.00', 10000],
    [' 7 ', 700],
    ['007', 700],
  ])('reads "%s"%% as %i basis points', (text, bp) => {
    expect(percentToBasisPoints(text)).toBe(bp);
  });

  it.each([
    ['12.345', 'more than two decimals would have to be rounded'],
    ['101', 'above 100%'],
    ['100.01', 'above 100%'],
    ['-1', 'negative'],
    ['abc', 'not a number'],
    ['', 'empty'],
    ['12.', 'a point without decimals'],
    ['.5', 'decimals without a whole part'],
    ['1e2', 'an exponent'],
    ['12,5', 'a decimal comma'],
    ['1000', 'four digits'],
  ])('refuses "%s" (%s)', (text) => {
    expect(percentToBasisPoints(text)).toBeNull();
  });

  it('reads back every basis-point value it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (bp) => percentToBasisPoints(formatBasisPoints(bp)) === bp),
    );
  });
});

describe('formatBasisPoints', () => {
  it.each([
    [1250, '12.50'],
    [0, '0.00'],
    [5, '0.05'],
    [10000, '100.00'],
    [-5, '-0.05'],
    [-318, '-3.18'],
    [-10000, '-100.00'],
    [123456, '1234.56'],
  ])('shows %i basis points as "%s"', (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});

describe('ratioToBasisPoints', () => {
  it.each([
    [1n, 3n, 3333, 3334],
    [-1n, 3n, -3334, -3333],
    [2n, 3n, 6666, 6667],
    [-2n, 3n, -6667, -6666],
    [1n, 4n, 2500, 2500],
    [-1n, 4n, -2500, -2500],
    [0n, 7n, 0, 0],
    [1_900_000n, 7_200_000n, 2638, 2639],
    [1n, 1_000_000n, 0, 1],
    [-1n, 1_000_000n, -1, 0],
  ])('rounds %s/%s down to %i and up to %i basis points', (numerator, denominator, floor, ceil) => {
    expect(ratioToBasisPoints(numerator, denominator, 'floor')).toBe(floor);
    expect(ratioToBasisPoints(numerator, denominator, 'ceil')).toBe(ceil);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => ratioToBasisPoints(1n, 0n, 'floor')).toThrow(new RangeError('ratio denominator must be positive'));
    expect(() => ratioToBasisPoints(1n, -3n, 'ceil')).toThrow(new RangeError('ratio denominator must be positive'));
  });

  it('refuses a ratio whose basis points it cannot hold exactly rather than round it', () => {
    expect(() => ratioToBasisPoints(10n ** 15n, 1n, 'floor')).toThrow(
      new RangeError(`ratio ${10n ** 15n}/1 is beyond what PlanDesk can hold exactly`),
    );
    expect(ratioToBasisPoints(900_719_925_474n, 1n, 'floor')).toBe(9_007_199_254_740_000);
  });

  it('brackets the exact ratio: floor ≤ exact ≤ ceil, at most one basis point apart', () => {
    // Numerators up to 10^11 times the denominator keep every ratio within what a number holds exactly.
    const ratio = fc
      .bigInt({ min: 1n, max: 10n ** 15n })
      .chain((d) => fc.tuple(fc.bigInt({ min: -(10n ** 11n) * d, max: 10n ** 11n * d }), fc.constant(d)));
    fc.assert(
      fc.property(ratio, ([n, d]) => {
        const floor = BigInt(ratioToBasisPoints(n, d, 'floor'));
        const ceil = BigInt(ratioToBasisPoints(n, d, 'ceil'));
        const exact = n * 10000n; // compare floor/10000 ≤ n/d ≤ ceil/10000 as floor·d ≤ n·10000 ≤ ceil·d
        return (
          floor * d <= exact &&
          exact <= ceil * d &&
          (floor + 1n) * d > exact &&
          (ceil - 1n) * d < exact &&
          ceil - floor <= 1n
        );
      }),
    );
  });
});
