import type { CatalogReview, PolicyReview } from '../../app/use-cases';
import type { Outcome } from '../../domain/assess';
import type { TierId, TierNames } from '../../domain/policy';
import type { PolicyChange, Threshold } from '../../domain/reference-changes';
import { tierName } from '../../i18n/describe-reason';
import { t, type Lang } from '../../i18n';
import type { CarriedFile } from '../files/carried-file';
import type { ReferenceKind } from '../files/sent-file';
import type { ReferenceImportView } from '../views/reference-import-card';
import { CARD_TEXT, clipped, firstLines, someCodes } from './card-budget';
import { pct, yuan } from './formatting';

type Notice = ReferenceImportView['notice'];

/** What the file is and what comes back on 确认生效: the carried text and the version it was compared with. */
export interface ReviewedFile {
  kind: ReferenceKind;
  name: string;
  carried: CarriedFile;
}

const titleOf = (kind: ReferenceKind, name: string, lang: Lang) =>
  t(lang, 'import.title', { kindName: t(lang, `import.kind.${kind}`), name });

const against = (kind: ReferenceKind, version: number | null, lang: Lang) =>
  version
    ? t(lang, 'import.against', { version })
    : t(lang, 'import.againstNone', { kindName: t(lang, `import.kind.${kind}`) });

const confirmData = (file: ReviewedFile, baseVersion: number) => ({
  kind: file.kind,
  name: file.name,
  ...file.carried,
  baseVersion,
});

/** A new catalog's review: the products added, retired, removed and repriced, with 确认生效 and 取消. */
export function catalogReviewView(
  review: CatalogReview,
  file: ReviewedFile,
  lang: Lang,
  notice: Notice = null,
): ReferenceImportView {
  const { changes } = review;
  const name = (n: string) => clipped(n, CARD_TEXT.productName);
  const product = (p: { code: string; name: string }) =>
    t(lang, 'import.product', { code: p.code, name: name(p.name) });
  const sections = [
    { heading: t(lang, 'import.added', { count: changes.added.length }), lines: changes.added.map(product) },
    { heading: t(lang, 'import.retired', { count: changes.retired.length }), lines: changes.retired.map(product) },
    { heading: t(lang, 'import.removed', { count: changes.removed.length }), lines: changes.removed.map(product) },
    {
      heading: t(lang, 'import.changed', { count: changes.changed.length }),
      lines: changes.changed.map((c) =>
        t(lang, 'import.productChanged', {
          code: c.code,
          name: name(c.name),
          before: yuan(c.standardPriceFen.before),
          after: yuan(c.standardPriceFen.after),
          costBefore: yuan(c.unitCostFen.before),
          costAfter: yuan(c.unitCostFen.after),
        }),
      ),
    },
    {
      heading: t(lang, 'import.activities'),
      lines: [
        ...(changes.activitiesAdded.length
          ? [t(lang, 'import.activitiesAdded', { codes: someCodes(changes.activitiesAdded, lang) })]
          : []),
        ...(changes.activitiesRemoved.length
          ? [t(lang, 'import.activitiesRemoved', { codes: someCodes(changes.activitiesRemoved, lang) })]
          : []),
        ...(changes.activitiesChanged.length
          ? [t(lang, 'import.activitiesChanged', { codes: someCodes(changes.activitiesChanged, lang) })]
          : []),
      ],
    },
  ]
    .filter((s) => s.lines.length > 0)
    .map((s) => ({ heading: s.heading, lines: firstLines(s.lines, lang) }));
  return {
    lang,
    title: titleOf('catalog', file.name, lang),
    notice,
    intro: [
      against('catalog', review.baseVersion, lang),
      t(lang, 'import.summary', { products: review.products, activities: review.activities }),
      ...(sections.length === 0 ? [t(lang, 'import.noChanges')] : []),
    ],
    sections,
    hint: t(lang, 'import.hint'),
    date: null,
    confirm: confirmData(file, review.baseVersion),
    cancel: { kind: file.kind, name: file.name },
  };
}

const THRESHOLD_IS_MONEY: Record<Threshold, boolean> = {
  minMarginBp: false,
  maxDiscountDepthBp: false,
  maxSubsidyBp: false,
  maxCommissionBp: false,
  maxContractValueFen: true,
};

function settingLine(change: PolicyChange, names: TierNames, lang: Lang): string {
  const value = (v: number | boolean | null, money = false): string =>
    v === null
      ? t(lang, 'import.unset')
      : typeof v === 'boolean'
        ? t(lang, v ? 'change.yes' : 'change.no')
        : money
          ? yuan(v)
          : String(v);
  if (change.kind === 'threshold') {
    const money = THRESHOLD_IS_MONEY[change.threshold];
    const shown = (v: number | null) => (v === null ? t(lang, 'import.unset') : money ? yuan(v) : pct(v));
    return t(lang, 'import.threshold', {
      tier: tierName(change.tier, lang, names),
      measureName: t(lang, `import.threshold.${change.threshold}`),
      before: shown(change.before),
      after: shown(change.after),
    });
  }
  return t(lang, 'import.setting', {
    settingName: t(lang, `import.setting.${change.kind}`),
    before: value(change.before),
    after: value(change.after),
  });
}

const judged = (to: { outcome: Outcome; tier: TierId | null }, names: TierNames, lang: Lang) =>
  to.outcome === 'routed' && to.tier ? tierName(to.tier, lang, names) : t(lang, `outcome.${to.outcome}`);

/**
 * A new policy's review: the thresholds and settings it changes, how many stored plans it would put
 * in another tier (and which), the effective date to choose, with 确认生效 and 取消.
 */
export function policyReviewView(
  review: PolicyReview,
  file: ReviewedFile,
  lang: Lang,
  notice: Notice = null,
): ReferenceImportView {
  const { simulation, tierNames } = review;
  const settings = {
    heading: t(lang, 'import.settings', { count: review.changes.length }),
    lines: review.changes.map((c) => settingLine(c, tierNames, lang)),
  };
  // The simulation is always said, even when no plan would change.
  const replayed = {
    heading:
      simulation.changed > 0
        ? t(lang, 'import.simulation', { replayed: simulation.replayed, changed: simulation.changed })
        : t(lang, 'import.simulationNone', { replayed: simulation.replayed }),
    lines: firstLines(
      simulation.changes.map((c) =>
        t(lang, 'import.tierChange', {
          id: c.id,
          before: judged(c.from, tierNames, lang),
          after: judged(c.to, tierNames, lang),
        }),
      ),
      lang,
      'import.morePlans',
    ),
  };
  return {
    lang,
    title: titleOf('policy', file.name, lang),
    notice,
    intro: [
      against('policy', review.inForceVersion, lang),
      ...(review.changes.length === 0 ? [t(lang, 'import.noChanges')] : []),
    ],
    sections: [...(settings.lines.length > 0 ? [settings] : []), replayed],
    hint: t(lang, 'import.hint'),
    date: { value: review.suggested, min: review.earliest },
    confirm: confirmData(file, review.baseVersion),
    cancel: { kind: file.kind, name: file.name },
  };
}

/** A card with a title and what happened, and nothing more to tap: the end of an import, or why it did not start. */
export function importOutcomeView(
  kind: ReferenceKind,
  name: string,
  lang: Lang,
  notice: NonNullable<Notice>,
  lines: string[] = [],
): ReferenceImportView {
  return {
    lang,
    title: titleOf(kind, name, lang),
    notice,
    intro: lines,
    sections: [],
    hint: null,
    date: null,
    confirm: null,
    cancel: null,
  };
}
