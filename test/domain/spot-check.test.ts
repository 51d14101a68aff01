import { drawSpotCheck } from '../../src/domain/spot-check';

const plans = (unit: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `PP-2027-${unit.slice(0, 2)}${String(i).padStart(4, '0')}`, unit }));

describe('the monthly spot check draw', () => {
  const all = [...plans('pudong-branch', 25), ...plans('minhang-branch', 3), ...plans('video-ops', 1)];

  it("draws the share of each unit's active plans, at least one from every unit that has any", () => {
    const draw = drawSpotCheck(all, 10, 20261201);
    expect(draw.units.map((u) => [u.unit, u.planIds.length])).toEqual([
      ['minhang-branch', 1],
      ['pudong-branch', 3],
      ['video-ops', 1],
    ]);
    for (const u of draw.units) for (const id of u.planIds) expect(all.find((p) => p.id === id)?.unit).toBe(u.unit);
  });

  it('draws the same sample again from the same seed, whatever order the plans come in', () => {
    expect(drawSpotCheck([...all].reverse(), 10, 42)).toEqual(drawSpotCheck(all, 10, 42));
  });

  it('draws differently from another seed', () => {
    const samples = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        drawSpotCheck(all, 10, seed)
          .units.find((u) => u.unit === 'pudong-branch')
          ?.planIds.join(),
      ),
    );
    expect(samples.size).toBeGreaterThan(1);
  });

  it('never draws a plan twice', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const ids = drawSpotCheck(all, 60, seed).units.flatMap((u) => u.planIds);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('draws nothing when no plan is active', () => {
    expect(drawSpotCheck([], 10, 1).units).toEqual([]);
  });
});
