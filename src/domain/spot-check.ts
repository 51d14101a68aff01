/**
 * 第九条(三): the Group Customer Department spot-checks units' plans. Each month a random share of
 * each unit's active plans is drawn — at least one per unit that has any — from a recorded seed, so
 * the same seed over the same plans draws the same sample (the draw can be reproduced).
 */
export interface SpotCheckDraw {
  seed: number;
  units: { unit: string; planIds: string[] }[];
}

/** mulberry32: a small, well-known seeded generator; good enough to pick a sample, not for secrets. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws the month's sample: per unit, ceil(share × plans) of its plans (at least one), in a seeded shuffle. */
export function drawSpotCheck(
  plans: readonly { id: string; unit: string }[],
  sharePct: number,
  seed: number,
): SpotCheckDraw {
  const random = generator(seed);
  const byUnit = new Map<string, string[]>();
  for (const p of [...plans].sort((a, b) => a.id.localeCompare(b.id)))
    byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p.id]);
  const units = [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unit, ids]) => {
      const count = Math.max(1, Math.ceil((ids.length * sharePct) / 100));
      const pool = [...ids];
      // Fisher–Yates, first `count` places only.
      for (let i = 0; i < count; i += 1) {
        const j = i + Math.floor(random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
      }
      return { unit, planIds: pool.slice(0, count).sort() };
    });
  return { seed, units };
}
