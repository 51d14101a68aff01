import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import { shanghaiDate } from '../../domain/local-date';
import { drawSpotCheck } from '../../domain/spot-check';
import { auditEntry, spotCheckSubject } from '../records/audit';
import { channel, noticeFor } from '../common/outbox-messages';
import type { JobHandler } from './job-context';
import { supersededOccurrence } from './recurring-jobs';

/** FNV-1a: folds a string to 32 bits. */
function fold32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * 第九条(三): each month the auditors' channel gets a random sample of each unit's active plans. The
 * seed is recorded in the audit trail with the draw, so anyone can draw the same sample again.
 */
export const monthlySpotCheck: JobHandler = async (run) => {
  if (supersededOccurrence(run)) return {};
  const { store } = run.deps;
  const month = shanghaiDate(run.now).slice(0, 7);
  const policy = await store.policies.inForceOn(shanghaiDate(run.now));
  const share = (policy?.lifecycle ?? DEFAULT_LIFECYCLE).spotCheckSharePct;
  const active = (await store.applications.list())
    .filter((r) => r.state === 'active')
    .map((r) => ({ id: r.id, unit: r.input.unit }));
  // A fresh (random) id folded to 32 bits: unpredictable before the draw, written down with it.
  const seed = fold32(run.deps.newId());
  const draw = drawSpotCheck(active, share, seed);
  const directory = await store.directory.get();
  const unitName = (id: string) => directory?.units.find((u) => u.id === id)?.name ?? id;
  const sample = draw.units.map((u) => `${unitName(u.unit)}:${u.planIds.join('、')}`).join(';');
  const notice = noticeFor(
    run.deps,
    run.now,
    channel('auditors'),
    draw.units.length > 0 ? 'spotcheck.drawn' : 'spotcheck.none',
    { month, sample, share },
  );
  return {
    audit: [
      auditEntry(run.now, 'plandesk', 'spot_check.draw', spotCheckSubject(month), null, {
        month,
        sharePct: share,
        ...draw,
      }),
    ],
    outbox: [notice],
  };
};
