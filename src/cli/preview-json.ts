import { formatBasisPoints } from '../domain/basis-points';
import type { Economics } from '../domain/economics';
import type { Preview } from '../app/reference/preview-application';
import type { Hint } from '../domain/hints';
import { describeHint } from '../i18n/describe-hint';
import { describeReason } from '../i18n/describe-reason';
import type { TierNames } from '../domain/policy';
import type { Lang } from '../i18n';
import type { Reason } from '../domain/reason';

/** The preview as the JSON ops and other systems read (issue #2's format); ratios as percent strings. */
export function previewJson(preview: Preview, lang: Lang) {
  const { assessment } = preview;
  return {
    outcome: assessment.outcome,
    tier: assessment.tier,
    steps: assessment.route.map((s) => s.step),
    route: assessment.route,
    reasons: assessment.reasons.map((r) => reasonJson(r, lang)),
    warnings: preview.warnings.map((r) => reasonJson(r, lang)),
    economics: assessment.economics && economicsJson(assessment.economics),
    policyVersion: preview.policyVersion,
    catalogVersion: preview.catalogVersion,
    hints: preview.hints.map((h) => hintJson(h, lang, preview.tierNames)),
  };
}

/** A hint with its figure as the application JSON writes it (fen; a ratio as a percent string) and in words. */
function hintJson(h: Hint, lang: Lang, tierNames: TierNames) {
  const message = describeHint(h, lang, tierNames);
  if (h.kind !== 'commission_max') return { ...h, message };
  const { commissionBp, ...rest } = h;
  return { ...rest, commissionPct: formatBasisPoints(commissionBp), message };
}

const reasonJson = (r: Reason, lang: Lang) => ({
  code: r.code,
  ...(r.field ? { field: r.field } : {}),
  message: describeReason(r, lang),
});

function economicsJson(e: Economics) {
  return {
    revenueFen: e.revenueFen,
    standardFen: e.standardFen,
    costFen: e.costFen,
    marginPct: formatBasisPoints(e.marginBp),
    discountDepthPct: formatBasisPoints(e.discountDepthBp),
    subsidyPct: formatBasisPoints(e.subsidyBp),
    commissionPct: formatBasisPoints(e.commissionBp),
    contractValueFen: e.contractValueFen,
    costBreakdown: { catalogCostFen: e.catalogCostFen, subsidyFen: e.subsidyFen, commissionFen: e.commissionFen },
  };
}
