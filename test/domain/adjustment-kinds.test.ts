import { assessApplication } from '../../src/domain/assess';
import type { CatalogContent } from '../../src/domain/catalog';
import { application, catalog, context, line } from './fixtures';

/**
 * 第一条, 第十条(二): a plan may only change the amounts its standard activity defines. A tariff
 * discount is a line priced below the standard tariff; a line at (or above) the standard tariff
 * changes no price, so an activity that defines no discount still takes it.
 */
const noDiscounts: CatalogContent = {
  ...catalog,
  activities: catalog.activities.map((a) =>
    a.code === 'ACT-CLOUD-2026' ? { ...a, allowedKinds: ['promo_subsidy', 'agent_commission'] } : a,
  ),
};
const ctx = context({ catalog: noDiscounts });
// Standard tariffs: CLOUD-PBX ¥50.00 a seat, CLOUD-DESK ¥120.00 a terminal.
const codes = (tariffLines: ReturnType<typeof line>[], subsidyFen = 0) =>
  assessApplication(application({ tariffLines, subsidyFen }), ctx).reasons.map((r) => [r.code, r.params?.kind]);

describe('the kinds of adjustment a plan makes, on an activity that defines no tariff discount', () => {
  it('counts one discounted line among full-price ones as a tariff discount', () => {
    expect(codes([line('CLOUD-DESK', 50, 12000), line('CLOUD-PBX', 200, 4000)])).toEqual([
      ['kind_not_allowed', 'tariff_discount'],
    ]);
    expect(codes([line('CLOUD-PBX', 200, 4999), line('CLOUD-DESK', 50, 12000)])).toEqual([
      ['kind_not_allowed', 'tariff_discount'],
    ]);
  });

  it('does not count a line at the standard tariff, or above it, as a discount', () => {
    // A subsidy of ¥20,000.00 on ¥192,000.00 of revenue (10.4%, beyond the activity's 5%): routed, not blocked.
    const fullPrice = assessApplication(
      application({
        tariffLines: [line('CLOUD-PBX', 200, 5000), line('CLOUD-DESK', 50, 12000)],
        subsidyFen: 2_000_000,
      }),
      ctx,
    );
    expect(fullPrice.outcome).toBe('routed');
    const above = assessApplication(
      application({ tariffLines: [line('CLOUD-PBX', 200, 5001)], subsidyFen: 2_000_000 }),
      ctx,
    );
    expect(above.outcome).toBe('routed');
  });

  it('takes the discount once a completed pre-consultation is referenced', () => {
    const referenced = assessApplication(
      application({ tariffLines: [line('CLOUD-PBX', 200, 4000)], preConsultationRef: 'PC-2026-0042' }),
      ctx,
    );
    expect(referenced.reasons.map((r) => r.code)).not.toContain('kind_not_allowed');
  });
});
