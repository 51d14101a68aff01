import type { Attachment, ConversationReference } from 'botbuilder';
import type { Lang } from '../i18n';

/** What a command gets from a turn: the user's words, language and identity, not the SDK's objects. */
export interface CommandInput {
  lang: Lang;
  /** The text after the command's name, trimmed. */
  args: string;
  user: { id: string; aadObjectId?: string; name?: string };
  /** Where the message came from, so a command can remember the conversation (e.g. bind a channel). */
  conversation: { reference: Partial<ConversationReference>; isPersonal: boolean; locale: string | null };
}

/** A chat command: the names it answers to (in every language) and the one card it answers with. */
export interface Command {
  names: readonly string[];
  /** Shows plan details: answered only in a person's 1:1 chat with the bot, never where others read (SPEC §7). */
  personalOnly?: boolean;
  handle(input: CommandInput): Promise<Attachment | string>;
}

/** The command named by the first word of `text` (case-insensitive), with the rest as its args; undefined if none. */
export function findCommand(
  commands: readonly Command[],
  text: string,
): { command: Command; args: string } | undefined {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const name = first.toLowerCase();
  const command = commands.find((c) => c.names.some((n) => n.toLowerCase() === name));
  return command && { command, args: rest.join(' ') };
}
