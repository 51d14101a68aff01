import { z } from 'zod';

/*
 * What the edge refuses before the Bot Framework adapter sees a request: a body too large, nested too
 * deep, or not shaped like an activity. Each is a client's mistake (or an attacker's), answered 400 or
 * 413 with what is wrong — never a 5xx, never an apology posted into a chat, never a stack in the log.
 */

/**
 * The largest body taken, in bytes. Teams caps a message, text and cards together, at about 28 KB, and
 * an invoke carries a card's inputs; 256 KB leaves room for a large team's conversationUpdate and stops
 * a megabyte before it is read whole (restify counts while streaming and answers 413).
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** The deepest nesting of arrays and objects taken: an activity is a few levels deep; a card's data a few more. */
export const MAX_DEPTH = 32;

/** How deep a parsed JSON value nests, walked without recursion (a 100,000-deep array cannot overflow the stack). */
export function depthOf(value: unknown, limit = MAX_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    const level = depth + 1;
    deepest = Math.max(deepest, level);
    // Past the limit the answer is known: stop walking.
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, level]);
  }
  return deepest;
}

const member = z.object({ id: z.string() }).passthrough();
const account = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    aadObjectId: z.string().optional(),
    role: z.string().optional(),
  })
  .passthrough();
/**
 * The conversation, as a reply carries it back: the connector's client checks these types when it
 * serializes the reply, so a number here would fail the turn after the bot acted, not at the door.
 */
/**
 * An id a reply's URL is built from (a conversation's, an activity's): Teams' are printable ASCII
 * ("a:1…", "19:…@thread.tacv2;messageid=…", "1:1…"); a longer one is refused by the connector itself.
 */
const urlId = z.string().regex(/^[\x21-\x7e]{1,1024}$/, 'must be printable ASCII, at most 1024 characters');
const conversation = z
  .object({
    id: urlId,
    name: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().optional(),
    aadObjectId: z.string().optional(),
    role: z.string().optional(),
  })
  .passthrough();

/** The fields PlanDesk reads, in the types it reads them as; everything else passes through to the adapter. */
const activityShape = z
  .object({
    type: z.string().min(1),
    // Replies are posted there: something that is not an http(s) URL would fail the turn after the bot acted.
    serviceUrl: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL'),
    conversation,
    id: urlId.optional(),
    channelId: z.string().optional(),
    replyToId: urlId.optional(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().optional(),
    locale: z.string().optional(),
    name: z.string().optional(),
    membersAdded: z.array(member).optional(),
    membersRemoved: z.array(member).optional(),
    attachments: z.array(z.object({ contentType: z.string() }).passthrough()).optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // Every activity a person causes says who, and to whom (a reply goes back from the recipient; a
    // mention of the bot is told apart by it): a message, a card's action, a change of members.
    if (['message', 'invoke', 'conversationUpdate'].includes(activity.type))
      for (const who of ['from', 'recipient'] as const)
        if (!activity[who]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [who], message: 'Required' });
    if (activity.type === 'invoke' && !activity.name)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['name'], message: 'Required for an invoke' });
  });

/**
 * The hosts Bot Framework sends from (public cloud, Teams, US government). In authenticated mode the bot
 * replies to an activity's `serviceUrl` with its own token, so any other host is refused.
 */
const SERVICE_HOSTS = [
  /(^|\.)botframework\.com$/,
  /^smba\.trafficmanager\.net$/,
  /(^|\.)teams\.microsoft\.com$/,
  /(^|\.)botframework\.azure\.us$/,
  /(^|\.)teams\.microsoft\.us$/,
];

/** Whether a serviceUrl is Bot Framework's: https, on one of its hosts. */
export function isBotFrameworkServiceUrl(serviceUrl: string): boolean {
  try {
    const url = new URL(serviceUrl);
    return url.protocol === 'https:' && SERVICE_HOSTS.some((host) => host.test(url.hostname));
  } catch {
    return false;
  }
}

/**
 * What is wrong with a request's body as an activity, in a line for the client; null when nothing is.
 * `authenticated`: the serviceUrl must be Bot Framework's too.
 */
export function activityProblem(body: unknown, authenticated = false): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body is not a JSON object';
  if (depthOf(body) > MAX_DEPTH) return `the body nests deeper than ${MAX_DEPTH} levels`;
  const parsed = activityShape.safeParse(body);
  if (parsed.success)
    return authenticated && !isBotFrameworkServiceUrl(parsed.data.serviceUrl)
      ? "serviceUrl: not Bot Framework's (https on botframework.com, smba.trafficmanager.net or teams.microsoft.com)"
      : null;
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(activity)'}: ${issue.message}`)
    .join('; ');
}
