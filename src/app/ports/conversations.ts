/** A conversation PlanDesk may write to later: a person's 1:1 chat, or a channel bound to notices. */
export interface StoredConversation {
  /** "person:<aadObjectId>" or "channel:<target>". */
  key: string;
  /** The Bot Framework conversation reference, kept as the channel gave it. */
  reference: Record<string, unknown>;
  /** The person's Teams id (MRI), for Universal Actions' refresh.userIds. */
  userMri: string | null;
  locale: string | null;
  updatedAt: string;
  /**
   * When Teams refused to take messages here for good (bot removed or blocked, app uninstalled); null
   * or absent while PlanDesk may write. Messages to an inactive conversation wait; a reference saved
   * from a new turn (absent here) makes it active again.
   */
  inactiveSince?: string | null;
  /** Teams' reason, e.g. MessageWritesBlocked or BotNotInConversationRoster. */
  inactiveReason?: string | null;
}

export interface ConversationRepository {
  /** Keeps the reference (the latest wins); saving one without `inactiveSince` makes the conversation active. */
  save(conversation: StoredConversation): Promise<void>;
  get(key: string): Promise<StoredConversation | null>;
}

/** One posted copy of an application's card, so every copy can be updated when the application changes. */
export interface CardCopy {
  applicationId: string;
  conversationKey: string;
  activityId: string;
  /** The person it was rendered for; null for a channel, which sees the notice only. */
  viewer: string | null;
}

export interface CardCopyRepository {
  add(copy: CardCopy): Promise<void>;
  list(applicationId: string): Promise<CardCopy[]>;
}
