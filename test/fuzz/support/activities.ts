import fc from 'fast-check';
import {
  PEOPLE_LIST,
  COMMAND_NAMES,
  DECLARED_VERBS,
  FIELDS_BY_VERB,
  FORM_FIELDS,
  FORMS,
  anyText,
  anyValue,
  plausible,
} from './values';
import type { World } from './values';

/*
 * Activities as Teams sends them (messages, card actions with every declared verb, members joining,
 * events PlanDesk does not handle), each either left valid-looking or spoiled: fields removed,
 * replaced by values of another type, senders nobody knows, conversations that are someone else's.
 */

/** Where the fuzzed activities are sent from: the stand-in connector, a channel the bot was added to, files it serves. */
export interface Place {
  serviceUrl: string;
  channelId: string;
  /** Names of files the stand-in connector serves. */
  files: readonly string[];
}

export type Body = Record<string, unknown>;

const sender = fc.oneof(
  {
    arbitrary: fc.constantFrom(...PEOPLE_LIST).map((p) => ({ id: `29:${p.aad}`, name: p.name, aadObjectId: p.aad })),
    weight: 8,
  },
  // Someone the directory does not know, or a sender with no AAD id, or one whose ids disagree.
  { arbitrary: fc.uuid().map((aad) => ({ id: `29:${aad}`, name: 'stranger', aadObjectId: aad })), weight: 1 },
  { arbitrary: anyText.map((id) => ({ id })), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...PEOPLE_LIST), fc.constantFrom(...PEOPLE_LIST))
      .map(([a, b]) => ({ id: `29:${a.aad}`, aadObjectId: b.aad })),
    weight: 1,
  },
);

type Account = { id: unknown; aadObjectId?: string };

/** The conversation: the sender's own 1:1 chat, someone else's, the team channel, a group chat, or a made-up one. */
function conversationFor(from: Account, place: Place): fc.Arbitrary<Body> {
  const personal = (aad: string) => ({
    conversation: { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false },
    channelData: { tenant: { id: 'tenant-1' } },
  });
  return fc.oneof(
    { arbitrary: fc.constant(personal(from.aadObjectId ?? String(from.id))), weight: 8 },
    { arbitrary: fc.constantFrom(...PEOPLE_LIST).map((p) => personal(p.aad)), weight: 1 },
    {
      arbitrary: fc.constant({
        conversation: { id: place.channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, channel: { id: place.channelId }, team: { id: place.channelId } },
      }),
      weight: 2,
    },
    {
      arbitrary: fc.constant({
        conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' } },
      }),
      weight: 1,
    },
    { arbitrary: anyText.filter((id) => id.length > 0).map((id) => ({ conversation: { id } })), weight: 1 },
  );
}

/**
 * A card's data for a verb: every declared field plausible (as a card of PlanDesk would send it), or
 * each field plausible, hostile or left out; maybe with fields it does not declare.
 */
function cardData(verb: string, world: World): fc.Arbitrary<Body> {
  const fields = [...(FIELDS_BY_VERB.get(verb) ?? []), ...(verb.startsWith('form.') ? FORM_FIELDS : [])];
  const extra = fc.dictionary(
    anyText.filter((k) => k.length < 50),
    anyValue,
    { maxKeys: 2 },
  );
  return fc.tuple(fc.constantFrom(...FORMS), fc.boolean()).chain(([form, allPlausible]) => {
    // A form's fields as the person filled them (a new application: no id, no revision), under a fresh draft id.
    const likely = (field: string) =>
      verb.startsWith('form.') && field !== 'draftId' ? fc.constant(form[field]) : plausible(field, world, form);
    const entries = fields.map((field) =>
      allPlausible
        ? likely(field).map((v) => [field, v] as const)
        : fc.oneof(
            { arbitrary: likely(field).map((v) => [field, v] as const), weight: 6 },
            { arbitrary: anyValue.map((v) => [field, v] as const), weight: 2 },
            { arbitrary: fc.constant([field, undefined] as const), weight: 1 },
          ),
    );
    return fc
      .tuple(fc.tuple(...entries), fc.option(extra, { freq: 3 }))
      .map(([pairs, more]) => ({ ...(more ?? {}), ...Object.fromEntries(pairs) }));
  });
}

const verb = fc.oneof(
  { arbitrary: fc.constantFrom(...DECLARED_VERBS), weight: 12 },
  { arbitrary: anyText, weight: 1 },
  { arbitrary: fc.constantFrom('plan.', 'plan.APPROVE', ' plan.approve', 'constructor', '__proto__'), weight: 1 },
);

function cardAction(world: World): fc.Arbitrary<Body> {
  return verb.chain((v) =>
    fc
      .tuple(
        cardData(v, world),
        fc.oneof(
          { arbitrary: fc.constant('Action.Execute'), weight: 10 },
          { arbitrary: fc.constantFrom('Action.Submit', 'x'), weight: 1 },
        ),
        fc.option(fc.string({ maxLength: 12 })),
      )
      .map(([data, type, replyToId]) => ({
        type: 'invoke',
        name: 'adaptiveCard/action',
        ...(replyToId === null ? {} : { replyToId: `reply-${replyToId}` }),
        value: { action: { type, verb: v, data } },
      })),
  );
}

/** A message: a command with plausible or hostile words after it, any text, or a file sent in the chat. */
function message(world: World, place: Place): fc.Arbitrary<Body> {
  const args = fc.oneof(
    fc.constant(''),
    fc.constantFrom(...world.applicationIds),
    anyText,
    fc.constantFrom('2026-12', 'xlsx', 'csv', 'on', 'off'),
  );
  const command = fc.tuple(fc.constantFrom(...COMMAND_NAMES), args).map(([name, rest]) => `${name} ${rest}`);
  const text = fc.oneof({ arbitrary: command, weight: 4 }, { arbitrary: anyText, weight: 2 });
  const url = fc.oneof(
    fc
      .constantFrom(...place.files, 'missing.csv')
      .map((name) => `${place.serviceUrl}/files/${encodeURIComponent(name)}`),
    // Refused at once by the machine (nothing listens on port 1), never a host outside it.
    fc.constantFrom('http://127.0.0.1:1/x.csv', 'ftp://127.0.0.1/x', 'not a url', ''),
  );
  const file = fc
    .tuple(fc.oneof(fc.constantFrom(...place.files), anyText), url, anyValue)
    .map(([name, downloadUrl, fileType]) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name,
      content: { downloadUrl, uniqueId: 'file-1', fileType },
    }));
  const attachments = fc.option(
    fc.array(fc.oneof(file, fc.record({ contentType: anyText, content: anyValue })), { maxLength: 2 }),
    {
      freq: 3,
    },
  );
  return fc
    .tuple(text, attachments)
    .map(([t, a]) => ({ type: 'message', text: t, ...(a === null ? {} : { attachments: a }) }));
}

const members = fc.array(
  fc.oneof(
    fc.constant({ id: '28:plandesk', name: 'PlanDesk' }),
    fc.constantFrom(...PEOPLE_LIST).map((p) => ({ id: `29:${p.aad}`, aadObjectId: p.aad })),
  ),
  { maxLength: 3 },
);

/** Members joining or leaving, an invoke PlanDesk does not handle, an event of a type it has no use for. */
const otherActivity: fc.Arbitrary<Body> = fc.oneof(
  members.chain((added) =>
    members.map((removed) => ({ type: 'conversationUpdate', membersAdded: added, membersRemoved: removed })),
  ),
  fc
    .tuple(
      fc.constantFrom(
        'fileConsent/invoke',
        'composeExtension/query',
        'task/fetch',
        'signin/verifyState',
        'adaptiveCard/action',
      ),
      anyValue,
    )
    .map(([name, value]) => ({ type: 'invoke', name, value })),
  fc.record({
    type: fc.constant('invoke'),
    name: fc.constant('fileConsent/invoke'),
    value: fc.record({
      type: fc.constant('fileUpload'),
      action: fc.constantFrom('accept', 'decline', 'x'),
      context: fc.oneof(
        anyValue,
        fc.record({ kind: fc.constant('plandesk.export'), exportId: anyText, filter: anyValue }),
      ),
      uploadInfo: fc.oneof(
        anyValue,
        fc.record({
          uploadUrl: fc.constant('http://127.0.0.1:1/up'),
          contentUrl: anyText,
          name: anyText,
          uniqueId: anyText,
          fileType: anyText,
        }),
      ),
    }),
  }),
  fc
    .tuple(
      fc.constantFrom(
        'typing',
        'messageReaction',
        'event',
        'installationUpdate',
        'messageUpdate',
        'messageDelete',
        'endOfConversation',
      ),
      anyValue,
    )
    .map(([type, value]) => ({ type, value })),
  anyText.map((type) => ({ type })),
);

/** Where a spoiling goes: a field of the activity, its sender, conversation or card action. */
const SPOIL_PATHS = [
  ['type'],
  ['from'],
  ['from', 'id'],
  ['from', 'aadObjectId'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'conversationType'],
  ['serviceUrl'],
  ['recipient'],
  ['channelData'],
  ['channelData', 'channel'],
  ['locale'],
  ['text'],
  ['name'],
  ['value'],
  ['value', 'action'],
  ['value', 'action', 'verb'],
  ['value', 'action', 'data'],
  ['attachments'],
  ['membersAdded'],
  ['replyToId'],
  ['id'],
  ['timestamp'],
];

/** Sets (or, for `undefined`, removes) the value at a path, making the objects on the way as needed. */
function spoil(body: Body, path: readonly string[], value: unknown): Body {
  const [key, ...rest] = path as [string, ...string[]];
  const copy: Body = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const inner = copy[key];
  copy[key] = spoil(inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Body) : {}, rest, value);
  return copy;
}

const spoilings = fc.array(fc.tuple(fc.constantFrom(...SPOIL_PATHS), anyValue), { maxLength: 3 });

/** Any activity PlanDesk might be sent: most valid-looking, about a third spoiled somewhere. */
export function activities(world: World, place: Place): fc.Arbitrary<Body> {
  const kind = fc.oneof(
    { arbitrary: cardAction(world), weight: 6 },
    { arbitrary: message(world, place), weight: 3 },
    { arbitrary: otherActivity, weight: 2 },
  );
  const locale = fc.oneof(fc.constantFrom('zh-CN', 'en-US', 'en-us', 'fr-FR', ''), anyText, fc.constant(undefined));
  return fc
    .tuple(
      sender,
      kind,
      locale,
      fc.nat(),
      fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: spoilings, weight: 1 }),
    )
    .chain(([from, fields, loc, n, spoiled]) =>
      conversationFor(from, place).map((where) => {
        const body: Body = {
          id: `fuzz-${n}`,
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: place.serviceUrl,
          from,
          recipient: { id: '28:plandesk', name: 'PlanDesk' },
          ...where,
          ...(loc === undefined ? {} : { locale: loc }),
          ...fields,
        };
        return spoiled.reduce((b, [path, value]) => spoil(b, path, value), body);
      }),
    );
}
