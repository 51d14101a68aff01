import type { BotServices } from '../../src/bot/services';

describe('BotServices', () => {
  // The bot talks to use cases only (issue 8): reading the store from a command or card action must
  // not compile. This test fails in the type-check (`npm test`'s first step) as soon as BotServices
  // carries a store again, since the expected error is then missing.
  it('should give commands and card actions no store to read', () => {
    const storeOf = (services: BotServices): unknown =>
      // @ts-expect-error -- BotServices has no store: the bot reads through useCases.
      services.store;
    expect(storeOf({ useCases: {}, log: {}, deliverSoon: () => undefined } as unknown as BotServices)).toBeUndefined();
  });
});
