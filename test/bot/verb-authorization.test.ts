import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_ACTIONS } from '../../src/bot/actions';
import { CASE_ACTIONS, type CaseAction } from '../../src/domain/workflow';

/*
 * Every card verb has its row in the authorization matrix (issue 14): a verb on an application is one of
 * the domain's acts, checked role × act × state in test/app/approval/authorization-matrix.test.ts; any
 * other verb says who may use it and which test proves that. A new verb without a row fails here.
 */
type Row = { act: CaseAction } | { who: string; provenBy: string };

const ROWS: Record<string, Row> = {
  'plan.approve': { act: 'approve' },
  'plan.reject': { act: 'reject' },
  'plan.return': { act: 'return' },
  'plan.escalate': { act: 'escalate' },
  'plan.ask': { act: 'ask' },
  'plan.answer': { act: 'answer' },
  'plan.withdraw': { act: 'withdraw' },
  'plan.edit': { act: 'resubmit' },
  'plan.fulfill': { act: 'fulfill' },
  'evaluation.report': { act: 'evaluate' },
  'plan.renew': { act: 'renew' },
  'plan.end': { act: 'end' },
  'plan.take_over': {
    who: "a colleague holding the open step's role, not its applicant",
    provenBy: 'test/bot/team-queue.test.ts',
  },
  'plan.reassign': { who: 'the ops head, to someone holding the role', provenBy: 'test/bot/team-queue.test.ts' },
  'plan.refresh': {
    who: 'anyone: the viewer sees figures only if they may (SPEC §7)',
    provenBy: 'test/bot/track-record.test.ts',
  },
  'plan.show': { who: 'anyone: status only where others read', provenBy: 'test/bot/edge-shapes.test.ts' },
  'form.preview': { who: 'account managers and ops (cost and margin)', provenBy: 'test/bot/preview-access.test.ts' },
  'form.submit': { who: "an account manager of the form's unit", provenBy: 'test/bot/approval-flow.test.ts' },
  'list.filter': { who: 'anyone: only the plans they may see', provenBy: 'test/bot/search-filter.test.ts' },
  'list.search': { who: 'anyone: only the plans they may see', provenBy: 'test/bot/search-filter.test.ts' },
  'list.more': { who: 'anyone: only the plans they may see', provenBy: 'test/bot/search-list.test.ts' },
  'people.edit': { who: 'admins', provenBy: 'test/bot/people-and-leave.test.ts' },
  'people.save': { who: 'admins', provenBy: 'test/bot/people-and-leave.test.ts' },
  'people.remove': { who: 'admins', provenBy: 'test/bot/people-and-leave.test.ts' },
  'people.cancel': { who: 'admins', provenBy: 'test/bot/people-and-leave.test.ts' },
  'away.record': { who: 'anyone, for themselves', provenBy: 'test/bot/people-and-leave.test.ts' },
  'away.cancel': { who: 'anyone, for themselves', provenBy: 'test/bot/people-and-leave.test.ts' },
  'reference.confirm': {
    who: 'the catalog owner (catalog), ops (policy), admins (directory)',
    provenBy: 'test/bot/reference-import-flow.test.ts',
  },
  'reference.cancel': { who: 'whoever sent the file', provenBy: 'test/bot/reference-import-flow.test.ts' },
};

describe('every card verb has its row in the authorization matrix', () => {
  it('has a row for each verb the bot declares, and none for a verb it does not', () => {
    expect(Object.keys(ROWS).sort()).toEqual(CARD_ACTIONS.map((a) => a.verb).sort());
  });

  it.each(CARD_ACTIONS.map((a) => [a.verb, a] as const))('%s: its row is the act its button offers', (verb, action) => {
    const row = ROWS[verb] as Row;
    expect('act' in row ? row.act : undefined).toBe(action.button);
  });

  it('maps every act of the domain to a verb (so the matrix of acts covers the verbs)', () => {
    const acts = Object.values(ROWS).flatMap((row) => ('act' in row ? [row.act] : []));
    expect([...new Set(acts)].sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(Object.entries(ROWS).flatMap(([verb, row]) => ('provenBy' in row ? [[verb, row.provenBy] as const] : [])))(
    '%s: who may use it is proven by a test that sends it',
    (verb, file) => {
      const path = join(__dirname, '../..', file);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, 'utf8')).toContain(`'${verb}'`);
    },
  );
});
