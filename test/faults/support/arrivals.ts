import { performance } from 'node:perf_hooks';
import type { Messenger } from '../../../src/app/delivery/deliver-outbox';

/** One post as the connector stand-in received it: which message, to which conversation, from which instance, when. */
export interface Arrival {
  id: string;
  to: string;
  by: string;
  at: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A connector stand-in that records when each post arrives. A request takes a random 5–40 ms to reach
 * it and its answer as long to come back, as over a network, so a send's start, its arrival and its
 * answer are three different moments (the pacing must hold at the arrival, which it cannot see).
 */
export function recordingConnector(random: () => number = Math.random) {
  const arrivals: Arrival[] = [];
  const travel = () => pause(5 + random() * 35);
  const messengerFor = (by: string): Messenger => {
    const record = async (to: string, id: string) => {
      await travel();
      arrivals.push({ id, to, by, at: performance.now() });
      await travel();
    };
    return {
      async postCard(to, { record: application }) {
        await record(to.key, application.id);
        return `activity-${arrivals.length}`;
      },
      async updateCard(to, activityId) {
        await record(to.key, activityId);
      },
      async postText(to, _key, params) {
        await record(to.key, String(params.id));
      },
      async postReport(to, report) {
        await record(to.key, `report ${report.month}`);
      },
    };
  };
  return { arrivals, messengerFor };
}

/** The most arrivals within any `windowMs` (a window closed at its start, open at its end). */
export function mostWithin(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j += 1) {
    while ((sorted[j] as number) - (sorted[i] as number) >= windowMs) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}
