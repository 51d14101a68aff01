/** How migrated items are named in every store, so that a migration's two sides can be compared item by item. */

/** An audit row's identity across stores: its SQLite row id, zero-padded. */
export const sqliteAuditKey = (id: number): string => `sqlite:${String(id).padStart(12, '0')}`;

export const cardCopyKey = (copy: { applicationId: string; conversationKey: string; activityId: string }): string =>
  `${copy.applicationId}|${copy.conversationKey}|${copy.activityId}`;
