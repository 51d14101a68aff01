import { NOTICE_KEYS } from '../app/ports/notice-keys';
import { enUS } from './en-US';
import { zhCN, type StringKey } from './zh-CN';

export type { StringKey };
export type Lang = 'zh-CN' | 'en-US';

const TABLES: Record<Lang, Record<StringKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The organization's language: a channel's notices, and anyone whose language nothing tells. */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** A language a person names in a command ("en-US", "en", "英文"), or null for anything else. */
export function namedLanguage(word: string): Lang | null {
  if (/^(zh(-cn)?|中文|chinese)$/i.test(word)) return 'zh-CN';
  if (/^(en(-us)?|英文|english)$/i.test(word)) return 'en-US';
  return null;
}

/** zh-CN unless the user's locale asks for English. */
export function languageFor(locale: string | undefined | null): Lang {
  return locale && /^en\b/i.test(locale) ? 'en-US' : 'zh-CN';
}

/** The string for a key in a language, with {name} placeholders filled from params. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a text is a key of the string tables (a code from elsewhere that may have words). */
export const isStringKey = (text: string): text is StringKey => text in zhCN;

// Every notice the outbox may carry has words: a notice key without a string fails the build here.
export const NOTICES_HAVE_WORDS: readonly StringKey[] = NOTICE_KEYS;
