import type { ApprovalDeps } from '../app/common/deps';
import type { Log } from '../log';

/** What the bot's commands and card actions use: the use cases' dependencies, and a nudge to deliver the outbox. */
export interface BotServices {
  approval: ApprovalDeps;
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
