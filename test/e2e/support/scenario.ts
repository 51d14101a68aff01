import { E2eSession, type E2eSessionOptions, type OpenAsOptions } from './e2e-session';
import type { PlaygroundChat } from './playground-chat';

/** Who signs in, as `openAs` takes it: a name, e-mail, its local part or aadObjectId, or a directory person. */
export type Who = Parameters<E2eSession['openAs']>[0];

/** A person to open before the first step, optionally with `openAs`'s options: `'张伟'`, `{ who: '张伟', clientLocale: null }`. */
export type PersonToOpen = Who | ({ who: Who } & OpenAsOptions);

/**
 * The people a scenario opens before its first step: every required chat of `S`, keyed as `S` names it.
 * Optional fields, chats included, are left to the steps to set.
 */
export type People<S> = { [K in keyof S as S[K] extends PlaygroundChat ? K : never]-?: PersonToOpen };

/** The scenario as a step sees it: the session, the people's chats and what earlier steps have set so far. */
export type ScenarioSoFar<S> = S & { e2e: E2eSession };

export interface E2eScenarioOptions extends E2eSessionOptions {
  /** beforeAll's timeout, for starting the bot and Chromium and opening everyone; default 90 s. */
  startTimeout?: number;
}

/**
 * One end-to-end scenario whose steps build on each other. Call it inside `describe`: it adds a
 * `beforeAll` that starts `E2eSession.start(name)` and opens each person's Playground one after another,
 * in the order `people` lists them (opened at once, they flake on two cores; the order can matter, as
 * opening a Playground installs PlanDesk and lets the bot reach that person proactively), stopping the
 * session if one fails; and an `afterAll` that stops it.
 *
 * `so(...needs)` gives a step the scenario so far, and throws a clear error if the session did not start
 * or an earlier step did not set a field it needs; a step hands something on with `so().id = id`.
 *
 * @example
 * interface Scenario { liNa: PlaygroundChat; zhangWei: PlaygroundChat; id?: string }
 * const { so } = e2eScenario<Scenario>('approval', { liNa: '李娜', zhangWei: '张伟' });
 * it('…', async () => { const { e2e, liNa, id } = so('id'); … });
 */
export function e2eScenario<S extends object>(
  name: string,
  people: People<S>,
  options: E2eScenarioOptions = {},
): { so: <K extends keyof S = never>(...needs: K[]) => ScenarioSoFar<S> & Required<Pick<S, K>> } {
  const { startTimeout = 90_000, ...sessionOptions } = options;
  let scenario: ScenarioSoFar<S> | undefined;

  beforeAll(async () => {
    const e2e = await E2eSession.start(name, sessionOptions);
    try {
      const chats: Record<string, PlaygroundChat> = {};
      for (const [key, person] of Object.entries<PersonToOpen>(people)) {
        const { who, ...openOptions } = typeof person === 'object' && 'who' in person ? person : { who: person };
        chats[key] = await e2e.openAs(who, openOptions);
      }
      scenario = { ...chats, e2e } as ScenarioSoFar<S>;
    } catch (error) {
      await e2e.stop();
      throw error;
    }
  }, startTimeout);

  afterAll(async () => {
    await scenario?.e2e.stop();
  }, 60_000);

  function so<K extends keyof S = never>(...needs: K[]): ScenarioSoFar<S> & Required<Pick<S, K>> {
    if (!scenario) throw new Error('the end-to-end session did not start; see the error in beforeAll');
    const missing = needs.filter((k) => scenario?.[k] === undefined);
    if (missing.length > 0) throw new Error(`an earlier step failed, so there is no ${missing.map(String).join(', ')}`);
    return scenario as ScenarioSoFar<S> & Required<Pick<S, K>>;
  }

  return { so };
}
