import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import { renderCard } from '../cards';
import { escapeStrings, finishCard } from './card-data';
import { labelTree } from './labels';

/** The leave card (`休假` alone). */
export interface AwayView {
  lang: Lang;
  title: string;
  notice: { text: string; tone: 'good' | 'attention' | 'default' } | null;
  intro: string[];
  /** The inputs to record a leave; null when the person has nothing to record (no approver role). */
  form: {
    min: string;
    from: string;
    to: string;
    standIn: string;
    standIns: { title: string; value: string }[];
  } | null;
  cancellable: boolean;
}

/** `cards/away.json`: `away.record` with the dates and stand-in, and `away.cancel`. */
export function awayCard(view: AwayView): Attachment {
  const { lang, form, cancellable, ...shown } = view;
  return finishCard(renderCard('away', { ...labelTree(lang), ...escapeStrings(shown), form, cancellable }));
}
