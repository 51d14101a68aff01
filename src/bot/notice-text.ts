import type { Directory } from '../app/directory';
import { zhCN } from '../i18n/zh-CN';
import { t, type Lang, type StringKey } from '../i18n';
import { formatWhen } from './present/formatting';

const isStringKey = (key: string): key is StringKey => key in zhCN;

/**
 * An outbox notice in the reader's words: a step id is shown by its name, an instant (`due`) in
 * Shanghai time, a unit id by the unit's name.
 */
export function noticeText(lang: Lang, key: string, params: Record<string, string | number>, directory: Directory | null): string {
  if (!isStringKey(key)) throw new Error(`outbox notice has no string "${key}"`);
  const shown: Record<string, string | number> = { ...params };
  if (typeof params.step === 'string' && params.step) shown.stepName = t(lang, `step.${params.step as 'ops_review'}`);
  if (typeof params.due === 'string') shown.due = formatWhen(params.due, lang);
  if (typeof params.unit === 'string') shown.unitName = directory?.units.find((u) => u.id === params.unit)?.name ?? params.unit;
  return t(lang, key, shown);
}
