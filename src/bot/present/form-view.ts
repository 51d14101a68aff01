import type { Directory } from '../../app/records/directory';
import { approverFor, nameOf } from '../../app/common/people';
import type { Preview } from '../../app/reference/preview-application';
import type { CatalogContent } from '../../domain/catalog';
import { addMonths, monthOf, shanghaiDate } from '../../domain/local-date';
import { formatYuan } from '../../domain/money';
import { describeReason } from '../../i18n/describe-reason';
import { t, type Lang } from '../../i18n';
import type { FormValues, FormView, OutcomeView } from '../views/view-models';
import { economicsRows } from './formatting';

/** The choices of the form: the directory's units, the catalog's activities and issued products, the next twelve months. */
export function formChoices(catalog: CatalogContent, directory: Directory, now: Date, lang: Lang): FormView['choices'] {
  const thisMonth = monthOf(shanghaiDate(now));
  return {
    units: directory.units.map((u) => ({ value: u.id, title: u.name })),
    activities: catalog.activities.map((a) => ({ value: a.code, title: a.code })),
    products: catalog.products.filter((p) => p.status !== 'retired').map((p) => ({
      value: p.code, title: t(lang, 'form.product', { code: p.code, name: p.name, price: formatYuan(p.standardPriceFen) }),
    })),
    months: Array.from({ length: 13 }, (_, i) => addMonths(thisMonth, i)).map((m) => ({ value: m, title: m })),
  };
}

/** A preview's outcome in the applicant's words, with the approvers named on the route. */
export function outcomeView(preview: Preview, directory: Directory, lang: Lang): OutcomeView {
  const { assessment } = preview;
  const tier = assessment.tier ? ` · ${t(lang, `tier.label.${assessment.tier}`)}` : '';
  return {
    outcome: assessment.outcome,
    headline: `${t(lang, `outcome.${assessment.outcome}`)}${tier}`,
    reasons: assessment.reasons.map((r) => describeReason(r, lang)),
    economics: assessment.economics ? economicsRows(assessment.economics, lang) : [],
    route: assessment.route.map((s) => {
      const approver = approverFor(directory, s.role);
      return { step: t(lang, `step.${s.step}`), who: approver ? nameOf(directory, approver.assignee) : '?' };
    }),
  };
}

/** The form as it is shown: values kept, problems next to their fields, the outcome on top if previewed. */
export function formView(args: {
  lang: Lang; values: FormValues; choices: FormView['choices']; errors?: Record<string, string[]>; generalErrors?: string[];
  outcome?: OutcomeView; warnings?: string[]; resubmit?: { applicationId: string; revision: number }; draftId?: string;
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
