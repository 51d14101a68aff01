import type { FormChoices, PreviewModel } from '../../app/use-cases';
import { formatYuan } from '../../domain/money';
import { describeHint } from '../../i18n/describe-hint';
import { describeReason, tierName } from '../../i18n/describe-reason';
import { t, type Lang } from '../../i18n';
import type { FormValues, FormView, OutcomeView } from '../views/view-models';
import { economicsRows } from './formatting';

/** The form's choices as its inputs list them: units by name, products with their standard price. */
export function viewChoices(choices: FormChoices, lang: Lang): FormView['choices'] {
  return {
    units: choices.units.map((u) => ({ value: u.id, title: u.name })),
    activities: choices.activities.map((a) => ({ value: a.code, title: a.code })),
    products: choices.products.map((p) => ({
      value: p.code,
      title: t(lang, 'form.product', { code: p.code, name: p.name, price: formatYuan(p.standardPriceFen) }),
    })),
    months: choices.months.map((m) => ({ value: m, title: m })),
  };
}

/** A preview's outcome in the applicant's words, with the approvers named on the route. */
export function outcomeView(preview: PreviewModel, lang: Lang): OutcomeView {
  const { assessment } = preview;
  const name = assessment.tier ? tierName(assessment.tier, lang, preview.tierNames) : '';
  const tier = assessment.tier ? ` · ${t(lang, `tier.label.${assessment.tier}`, { tier: name })}` : '';
  return {
    outcome: assessment.outcome,
    headline: `${t(lang, `outcome.${assessment.outcome}`)}${tier}`,
    reasons: assessment.reasons.map((r) => describeReason(r, lang, preview.tierNames)),
    hints: preview.hints.map((h) => describeHint(h, lang, preview.tierNames)),
    economics: assessment.economics ? economicsRows(assessment.economics, lang) : [],
    route: preview.route.map((s) => ({
      step: t(lang, `step.${s.step}`),
      who: s.approverName ?? t(lang, 'form.route.nobody'),
      why: t(lang, `route.why.${s.basis}`, { tier: name }),
    })),
  };
}

/** The form as it is shown: values kept, problems next to their fields, the outcome on top if previewed. */
export function formView(args: {
  lang: Lang;
  values: FormValues;
  choices: FormView['choices'];
  errors?: Record<string, string[]>;
  generalErrors?: string[];
  outcome?: OutcomeView;
  warnings?: string[];
  resubmit?: { applicationId: string; revision: number };
  draftId?: string;
}): FormView {
  return {
    lang: args.lang,
    ...(args.draftId ? { draftId: args.draftId } : {}),
    mode: args.resubmit ? 'resubmit' : 'new',
    ...(args.resubmit ? { applicationId: args.resubmit.applicationId, revision: args.resubmit.revision } : {}),
    values: args.values,
    errors: args.errors ?? {},
    generalErrors: args.generalErrors ?? [],
    ...(args.outcome ? { outcome: args.outcome } : {}),
    warnings: args.warnings ?? [],
    choices: args.choices,
  };
}
