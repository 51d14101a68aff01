import type { UseCases } from '../app/use-cases';
import type { Log } from '../log';

/** What the bot's commands and card actions use: the use cases (never a store), the log, and a nudge to deliver the outbox. */
export interface BotServices {
  useCases: UseCases;
  log: Log;
  /** Ask for the outbox to be delivered soon (after this turn has answered). */
  deliverSoon(): void;
}

/** The person behind a turn: AAD object id (the directory's key), Teams id (MRI) and display name. */
export interface TurnUser {
  aadObjectId: string;
  mri: string;
  name?: string;
}
