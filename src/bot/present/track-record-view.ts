import type { CardModel } from '../../app/use-cases';
import type { TrackRecord } from '../../app/records/track-record';
import { overlapWarnings } from '../../domain/overlap';
import { CARD_TEXT } from './card-budget';
import { describeReason, tierName } from '../../i18n/describe-reason';
import { t, type Lang } from '../../i18n';
import type { ApplicationView } from '../views/view-models';
import { pct } from './formatting';

/** A share of a whole, in whole percent ("25%"); nothing of nothing reads 0%. */
const share = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((part * 100) / whole)}%`;

/** The customer's other plans, how plans on the activity fared, and the overlaps, as the approver's card shows them. */
export function trackRecordView(model: CardModel, lang: Lang): Pick<ApplicationView, 'overlaps' | 'trackRecord'> {
  const record: TrackRecord | null = model.trackRecord;
  if (!record) return {};
  const { groupId } = model.record.input.customer;
  const total = record.plans.length + record.more;
  // The first few overlaps in words, then how many more: each is in the track record's rows, marked.
  const warned = overlapWarnings(record.overlaps).map((w) => describeReason(w, lang));
  const overlaps = [
    ...warned.slice(0, CARD_TEXT.overlaps),
    ...(warned.length > CARD_TEXT.overlaps
      ? [t(lang, 'card.overlaps.more', { count: warned.length - CARD_TEXT.overlaps })]
      : []),
  ];
  const rows = record.plans.map((p) => ({
    title: [p.id, t(lang, `state.${p.state}`), p.tier ? tierName(p.tier, lang, model.tierNames) : null]
      .filter((part): part is string => part !== null)
      .join(' · '),
    text: t(lang, 'track.row', {
      discount: p.discountDepthBp === null ? '—' : pct(p.discountDepthBp),
      start: p.startMonth,
      termMonths: p.termMonths,
      evaluation: t(lang, `track.evaluation.${p.evaluation ?? 'none'}`),
      findings:
        p.findings.checked === 0
          ? t(lang, 'track.findings.none')
          : t(lang, 'track.findings', { count: p.findings.checked, n: p.findings.issues }),
    }),
    attention: p.evaluation === 'flagged' || p.findings.issues > 0 || record.overlaps.some((o) => o.id === p.id),
    show: { applicationId: p.id, from: model.record.id },
  }));
  const { activity } = record;
  return {
    ...(overlaps.length > 0 ? { overlaps } : {}),
    trackRecord: {
      toggle: t(lang, 'track.toggle', { count: total }),
      summary:
        total === 0
          ? t(lang, 'track.none', { group: groupId })
          : t(lang, 'track.summary', {
              group: groupId,
              count: total,
              active: record.plans.filter((p) => p.state === 'active').length,
              flagged: record.plans.filter((p) => p.evaluation === 'flagged').length,
            }),
      rows,
      more: record.more > 0 ? t(lang, 'track.more', { count: record.more, group: groupId }) : '',
      activity:
        activity.plans === 0
          ? t(lang, 'track.activity.none', { activity: activity.activity })
          : t(lang, 'track.activity', {
              activity: activity.activity,
              count: activity.plans,
              flagged: activity.flagged,
              flaggedShare: share(activity.flagged, activity.plans),
              n: activity.withIssues,
              issueShare: share(activity.withIssues, activity.plans),
            }),
    },
  };
}
