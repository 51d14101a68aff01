/**
 * How a stored conversation is keyed (StoredConversation.key): a person's 1:1 chat by their AAD
 * object id, a bound channel by the audience it is bound to ("ops", "support", "auditors", "unit:<id>").
 * Part of the store's contract, so both the use cases and the adapters read it from here.
 */
export const personKey = (aadObjectId: string): string => `person:${aadObjectId}`;
export const channelKey = (target: string): string => `channel:${target}`;
