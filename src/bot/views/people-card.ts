import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import { renderCard } from '../cards';
import { escapeStrings, finishCard } from './card-data';
import { labelTree } from './labels';

type Notice = { text: string; tone: 'good' | 'attention' | 'default' } | null;
type Choice = { title: string; value: string };

/** People an admin looked up (`人员`): a few lines each with 修改, and 添加人员. */
export interface PeopleView {
  lang: Lang;
  title: string;
  notice: Notice;
  intro: string[];
  /** Each person's lines (already Markdown-safe) and what 修改 sends back. */
  people: { lines: string[]; edit: { id: string } }[];
  more: string | null;
  add: boolean;
}

/** The values a person card's inputs show: as stored, or as the admin typed them when a save was refused. */
export interface PersonFormValues {
  aadObjectId: string;
  name: string;
  email: string;
  /** Multi-select values, comma-separated, as Adaptive Cards send them back. */
  roles: string;
  unit: string;
  covers: string;
  delegate: string;
  head: string;
  locale: string;
  reassignTo: string;
}

/** A person card: add someone, or change or remove someone. */
export interface PersonFormView {
  lang: Lang;
  title: string;
  notice: Notice;
  intro: string[];
  isNew: boolean;
  values: PersonFormValues;
  choices: {
    roles: Choice[];
    unitOrNone: Choice[];
    units: Choice[];
    people: Choice[];
    locales: Choice[];
    approvers: Choice[];
  };
  /** The person's open steps, in words, when they hold some (the card then asks who takes them). */
  open: { text: string } | null;
  save: Record<string, unknown>;
  remove: { text: string; data: Record<string, unknown> } | null;
  cancel: Record<string, unknown>;
}

/** `cards/people.json`: each person with 修改 (`people.edit`), and 添加人员. */
export function peopleCard(view: PeopleView): Attachment {
  const { lang, people, notice, title, intro, more, add } = view;
  return renderCard('people', {
    ...labelTree(lang),
    ...escapeStrings({ notice, title, intro, more }),
    people,
    add,
  });
}

/**
 * `cards/person-form.json`: `people.save`, `people.remove` (in a ShowCard, with the card's inputs)
 * and `people.cancel`. Input values and choice titles are never Markdown, so only shown text is escaped.
 */
export function personFormCard(view: PersonFormView): Attachment {
  const { lang, values, choices, save, cancel, remove, isNew, ...shown } = view;
  return finishCard(
    renderCard('person-form', {
      ...labelTree(lang),
      ...escapeStrings(shown),
      remove: remove && { text: escapeStrings(remove.text), data: remove.data },
      isNew,
      values,
      choices,
      save,
      cancel,
    }),
  );
}
