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
