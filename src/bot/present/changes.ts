import type { ApplicationRecord } from '../../app/records/application-record';
import type { ChangeValue, InputChange } from '../../domain/revision-changes';
import { inputChanges } from '../../domain/revision-changes';
import { t, type Lang } from '../../i18n';
import { pct, yuan } from './formatting';

/** A changed value as the form shows it: money in yuan, commission in percent, yes/no, "none" for an absent one. */
function shown(change: InputChange, value: ChangeValue, lang: Lang): string {
  if (value === null || value === '') return t(lang, 'change.none');
  if (typeof value === 'boolean') return t(lang, value ? 'change.yes' : 'change.no');
  if (typeof value === 'number') {
    if (change.field === 'unitPrice' || change.field === 'subsidy' || change.field === 'expectedRevenue')
      return yuan(value);
    if (change.field === 'commission') return pct(value);
  }
  return String(value);
}

/** What a field is called, with its line for a tariff line's: "第 1 行单价" / "Line 1 unit price". */
export function changedField(change: InputChange, lang: Lang): string {
  const field = t(lang, `change.field.${change.field}`);
  return change.line === null ? field : t(lang, 'change.line', { line: change.line, field });
}

/** One change in a line: "第 1 行单价 ¥90.00 → ¥96.00". */
export const describeChange = (change: InputChange, lang: Lang): string =>
  t(lang, 'change.item', {
    field: changedField(change, lang),
    before: shown(change, change.before, lang),
    after: shown(change, change.after, lang),
  });

/** The value a changed field had, as the card marks it beside the new one: "原单价 ¥90.00". */
export const formerValue = (change: InputChange, lang: Lang): string =>
  t(lang, 'change.was', { field: t(lang, `change.field.${change.field}`), before: shown(change, change.before, lang) });

/**
 * What a resubmission changed, for its history line: the revision it replaced against the one it
 * filed (the record's own input when that is the current revision).
 */
export function resubmissionChanges(record: ApplicationRecord, revision: number): InputChange[] {
  const before = record.pastRevisions.filter((r) => r.revision < revision).at(-1);
  const after =
    revision === record.revision ? record.input : record.pastRevisions.find((r) => r.revision === revision)?.input;
  return before && after ? inputChanges(before.input, after) : [];
}
