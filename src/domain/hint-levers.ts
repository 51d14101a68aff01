import type { ApplicationInput } from './application';
import { findProduct, type CatalogContent } from './catalog';

/**
 * One figure on the application form that a hint may name, the others held: a line's unit price
 * (raised), the subsidy or the commission (lowered). `from`–`to` are the figures it may take other
 * than its current one, nearest first; a price is never taken above the standard tariff (a plan
 * lowers a price, it does not raise it past the tariff) unless the line's own cost lies above it.
 */
export type Lever =
  | { kind: 'line_price'; index: number; product: string; unitCostFen: number; from: number; to: number }
  | { kind: 'subsidy'; from: number; to: number }
  | { kind: 'commission'; from: number; to: number };

/** The figures of an application that one number on the form sets, each with the range it may move in. */
export function leversOf(input: ApplicationInput, catalog: CatalogContent): Lever[] {
  const levers: Lever[] = input.tariffLines.flatMap((line, index) => {
    const product = findProduct(catalog, line.product);
    if (!product) return [];
    const ceiling = Math.max(product.standardPriceFen, product.unitCostFen);
    return [
      {
        kind: 'line_price' as const,
        index,
        product: line.product,
        unitCostFen: product.unitCostFen,
        from: line.proposedUnitPriceFen + 1,
        to: ceiling,
      },
    ];
  });
  levers.push({ kind: 'subsidy', from: input.subsidyFen - 1, to: 0 });
  levers.push({ kind: 'commission', from: input.commissionBp - 1, to: 0 });
  // A lever already at its end (a price at the tariff, no subsidy, no commission) has nothing to offer.
  return levers.filter((l) => (l.kind === 'line_price' ? l.from <= l.to : l.from >= l.to));
}

/** The application with the lever's figure set to `figure`, everything else as it was. */
export function withFigure(input: ApplicationInput, lever: Lever, figure: number): ApplicationInput {
  switch (lever.kind) {
    case 'line_price':
      return {
        ...input,
        tariffLines: input.tariffLines.map((l, i) => (i === lever.index ? { ...l, proposedUnitPriceFen: figure } : l)),
      };
    case 'subsidy':
      return { ...input, subsidyFen: figure };
    case 'commission':
      return { ...input, commissionBp: figure };
  }
}

/**
 * The figure nearest the current one at which `meets` holds, or null when none in the lever's range
 * does. It halves the range, so it relies on `meets` holding from some figure on (every threshold of
 * the rules is monotone in each of these figures); the answer is then checked against its neighbour,
 * and a figure whose neighbour toward the current one also passes is never given — it would not be exact.
 */
export function nearestFigure(lever: Lever, meets: (figure: number) => boolean): number | null {
  // Positions 0..span along the lever, from its nearest figure to its farthest: a price goes up, the rest down.
  const step = lever.kind === 'line_price' ? 1 : -1;
  const span = Math.abs(lever.to - lever.from);
  const at = (position: number) => lever.from + step * position;
  if (!meets(at(span))) return null;
  let low = 0;
  let high = span;
  while (low < high) {
    const middle = low + Math.floor((high - low) / 2);
    if (meets(at(middle))) high = middle;
    else low = middle + 1;
  }
  const figure = at(low);
  // The figure one step back toward the current one: the current figure itself at position 0.
  return meets(figure - step) ? null : figure;
}
