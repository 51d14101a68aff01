import { policyInForce, tierNamesOf, type Policy, type Tier } from '../../src/domain/policy';
import { policy } from './fixtures';

const version = (n: number, effectiveFrom: string): Policy => ({
  ...policy,
  version: n,
  effectiveFrom,
  importedAt: `2026-01-0${n}T00:00:00Z`,
  importedBy: 'ops',
});

describe('policyInForce', () => {
  const versions = [
    version(1, '2026-01-01'),
    version(3, '2026-07-01'),
    version(2, '2026-07-01'),
    version(4, '2027-01-01'),
  ];

  it.each([
    ['2026-06-30', 1, 'the latest version in effect on that day'],
    ['2026-07-01', 3, 'the later import when two take effect the same day'],
    ['2026-12-31', 3, 'not a version that takes effect later'],
    ['2027-01-01', 4, 'a version from the day it takes effect'],
  ])('judges a plan submitted on %s by version %i: %s', (date, expected) => {
    expect(policyInForce(versions, date)?.version).toBe(expected);
  });

  it('judges by the latest effective date, not the latest import: a correction back-dated before the version in force does not displace it', () => {
    // Version 5 is imported after version 4 but takes effect on 1 October 2026, before version 4's 1 January 2027.
    const backdated = [...versions, version(5, '2026-10-01')];
    expect(policyInForce(backdated, '2027-02-01')?.version).toBe(4);
    // Until version 4 takes effect, the back-dated version 5 is the latest in effect.
    expect(policyInForce(backdated, '2026-12-31')?.version).toBe(5);
    expect(policyInForce(backdated, '2026-09-30')?.version).toBe(3);
  });

  it('lets the later import win a tie whichever order the versions are listed in', () => {
    const sameDay = [version(2, '2026-07-01'), version(3, '2026-07-01'), version(1, '2026-01-01')];
    expect(policyInForce(sameDay, '2026-08-01')?.version).toBe(3);
    expect(policyInForce([...sameDay].reverse(), '2026-08-01')?.version).toBe(3);
  });

  it('has no policy for a day before the first takes effect', () => {
    expect(policyInForce(versions, '2025-12-31')).toBeUndefined();
  });
});

describe("the tiers' names as ops gives them", () => {
  it('reads each named tier by language, and leaves out a tier without names', () => {
    const named: { tiers: Tier[] } = {
      tiers: [
        { id: 'tier1', name: { 'zh-CN': '一级授权', 'en-US': 'Ops approver' } },
        { id: 'tier2' },
        { id: 'tier3', name: { 'zh-CN': '领导审批' } },
      ],
    };
    expect(tierNamesOf(named)).toEqual({
      tier1: { 'zh-CN': '一级授权', 'en-US': 'Ops approver' },
      tier3: { 'zh-CN': '领导审批' },
    });
  });

  it('has no names without a policy', () => {
    expect(tierNamesOf(null)).toEqual({});
  });
});
