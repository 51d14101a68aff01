import type { Activity } from 'botbuilder';
import type { CardJson, Someone } from '../../support/teams-harness';

/** Each person's 1:1 chat with PlanDesk, as the stand-in connector sees it in URLs. */
export const chatOf = (who: Someone): string => `a:personal-${who.aad}`;

let sequence = 0;

/**
 * People talking to a PlanDesk running as its own process, through real Bot Framework activities
 * posted to /api/messages, the way the Bot Connector delivers them (serviceUrl: the stand-in).
 */
export function teamsClient(endpoint: string, serviceUrl: string) {
  const activity = (who: Someone, fields: Partial<Activity>): Partial<Activity> => ({
    id: `act-${(sequence += 1)}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
    recipient: { id: '28:plandesk', name: 'PlanDesk' },
    conversation: { id: chatOf(who), conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'zh-CN',
    ...fields,
  });

  const post = async (body: Partial<Activity>): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  return {
    /** A person types in their chat (which also tells PlanDesk where that chat is). */
    async say(who: Someone, text: string): Promise<void> {
      const { status } = await post(activity(who, { type: 'message', text }));
      if (status !== 200) throw new Error(`${who.name} said "${text}": HTTP ${status}`);
    },
    /** A person taps an Action.Execute on the card posted as `cardActivityId`; returns the card the invoke answered with. */
    async tap(who: Someone, verb: string, data: Record<string, unknown>, cardActivityId: string): Promise<CardJson> {
      const { status, body } = await post(
        activity(who, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: cardActivityId,
          // A made-up submit carries a fresh draft id, as every form the bot sends does.
          value: {
            action: {
              type: 'Action.Execute',
              verb,
              data:
                verb === 'form.submit' && !data.draftId
                  ? { ...data, draftId: `draft-${Math.random().toString(36).slice(2)}` }
                  : data,
            },
          },
        }),
      );
      const response = body as { statusCode?: number; value?: CardJson } | null;
      if (status !== 200 || response?.statusCode !== 200 || !response.value)
        throw new Error(`${who.name} tapped ${verb}: HTTP ${status} ${JSON.stringify(body).slice(0, 400)}`);
      return response.value;
    },
  };
}

export type TeamsClient = ReturnType<typeof teamsClient>;
