import type { Attachment } from 'botbuilder';
import { t, type Lang, type StringKey } from '../../i18n';
import { renderCard } from '../cards';
import type { Command } from '../command';

const COMMAND_KEYS: readonly StringKey[] = [
  'help.cmd.new',
  'help.cmd.mine',
  'help.cmd.pending',
  'help.cmd.list',
  'help.cmd.show',
  'help.cmd.away',
  'help.cmd.people',
  'help.cmd.report',
  'help.cmd.export',
  'help.cmd.help',
];

/** The help card in a language: what PlanDesk is and what to say to it. */
export function helpCard(lang: Lang): Attachment {
  return renderCard('help', {
    title: t(lang, 'help.title'),
    intro: t(lang, 'help.intro'),
    commandsHeading: t(lang, 'help.commands'),
    commands: COMMAND_KEYS.map((key) => ({ text: t(lang, key) })),
    footer: t(lang, 'help.footer'),
  });
}

/** `help` / `帮助`: shows the help card. */
export const helpCommand: Command = {
  names: ['help', '帮助', '?', '？'],
  handle: async ({ lang }) => helpCard(lang),
};
