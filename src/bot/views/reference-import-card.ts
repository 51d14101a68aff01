import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import { renderCard } from '../cards';
import { escapeStrings } from './card-data';
import { labelTree } from './labels';

/** A catalog or policy file sent in the chat, in the reader's words: what it is, what it changes, what to do. */
export interface ReferenceImportView {
  lang: Lang;
  title: string;
  /** What the last tap did, or why not ("已生效:产品目录第 3 版"). */
  notice: { text: string; tone: 'good' | 'attention' | 'default' } | null;
  /** Lines under the title: against which version, how many products. */
  intro: string[];
  /** Headed lists of changes (products added, thresholds changed, plans re-tiered). */
  sections: { heading: string; lines: string[] }[];
  hint: string | null;
  /** A policy's effective date: the date offered and the earliest allowed. */
  date: { value: string; min: string } | null;
  /** The data 确认生效 sends back (the file, carried); null when there is nothing left to confirm. */
  confirm: Record<string, unknown> | null;
  /** The data 取消 sends back. */
  cancel: Record<string, unknown> | null;
}

/**
 * `cards/reference-import.json`: Action.Execute verbs `reference.confirm` (with the file and, for a
 * policy, the `effectiveFrom` Input.Date) and `reference.cancel`. The carried file goes back as the
 * bot made it; only what is shown is escaped.
 */
export function referenceImportCard(view: ReferenceImportView): Attachment {
  const { lang, confirm, cancel, date, ...shown } = view;
  return renderCard('reference-import', {
    ...labelTree(lang),
    ...escapeStrings(shown),
    date,
    confirm,
    cancel,
    actions: confirm !== null,
  });
}
