/** Time comes from outside so tests and `plandesk tick --now` can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
