import { formatYuan } from '../../src/domain/money';

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [1999, '19.99'],
    [123456789, '1,234,567.89'],
    [-60000, '-600.00'],
    [-5, '-0.05'],
  ])('shows %i fen as ¥%s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('formatYuan for a form input', () => {
  it.each([
    [123456789, '1234567.89'],
    [-1_000_000, '-10000.00'],
    [5, '0.05'],
  ])('shows %i fen as %s, with no separator that would not parse back', (fen, text) => {
    expect(formatYuan(fen, { grouping: false })).toBe(text);
  });

  it('groups the thousands when grouping is asked for', () => {
    expect(formatYuan(123456789, { grouping: true })).toBe('1,234,567.89');
  });
});
