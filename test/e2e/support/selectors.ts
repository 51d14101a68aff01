/**
 * Where things are in the Agents Playground 0.2.28 web UI (Fluent UI v9 and the Copilot OutputCard; the
 * hashed `___xxxx` classes change between builds, so nothing here uses them).
 */
export const SELECTORS = {
  /** The message box: a Lexical editor. Enter sends, Shift+Enter breaks the line. */
  composer: '[role="textbox"][contenteditable="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  /** Every message, the person's and the bot's, starts with this header (author and time). */
  messageHeader: '[aria-label="Message header"]',
  /** Only the bot's messages name their author. */
  messageAuthor: '[aria-label="Message author"]',
  /** A message from the bot: its text or its card. One per activity; updated in place by updateActivity. */
  botMessage: '.fai-OutputCard',
  /** The root of a rendered Adaptive Card (nested ShowCard cards have it too). */
  adaptiveCard: '.ac-adaptiveCard',
  /** An input's wrapper; the input is found through its `label` (`<label for>`) or, for Input.Toggle, its title. */
  cardInput: '.ac-input-container',
  /** Card actions are `<button title aria-label>` in here. */
  cardActions: '.ac-actionSet',
  /** Shown under a card after an Action.Execute: "Your response was sent to the app", or the bot's message response. */
  invokeBanner: '[aria-label="Display Invoked Message"]',
  /** The @mention pop-up offers the bot as a Fluent MenuItem. */
  mentionChoice: '[role="menuitem"]',
  /**
   * In a team channel: each thread (a post and its replies, with a reply box) is a Fluent Card, and so
   * is the "Start a new post" box above them, told apart by its Post button.
   */
  channelCard: '.fui-Card[role="group"]',
} as const;

/** Requests the page makes, by path: they tell when a send, an invoke or an install has been answered. */
export const PLAYGROUND_REQUESTS = {
  /**
   * The page posts this on load and when a conversation is first opened (a team's channels share one):
   * installationUpdate + conversationUpdate to the bot.
   */
  install: /\/_debug\/conversation\/[^/]+\/installation$/,
  /** A typed message. */
  message: /\/_conversation\/v1\/conversations\/[^/]+\/messages$/,
  /** Action.Execute: an `adaptiveCard/action` invoke. */
  invoke: /\/_conversation\/v1\/invoke$/,
  /** Action.Submit: a message activity with `value`. */
  submit: /\/_conversation\/v1\/submit$/,
} as const;
