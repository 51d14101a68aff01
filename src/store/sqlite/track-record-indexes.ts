import type { Migration } from './migrations';

/** Migrations 11–13: what a card's track record and the least-loaded count read, each by an index of its own. */
export const TRACK_RECORD_INDEXES: readonly Migration[] = [
  {
    version: 11,
    name: "applications are found by their group customer and by their activity (a customer's track record, overlapping plans)",
    // Copies of the document's fields, like unit and applicant, filled for the rows already there.
    sql: `
      ALTER TABLE applications ADD COLUMN customer TEXT;
      ALTER TABLE applications ADD COLUMN activity TEXT;
      UPDATE applications SET customer = json_extract(doc, '$.input.customer.groupId'),
        activity = json_extract(doc, '$.input.activity');
      CREATE INDEX applications_by_customer ON applications (customer, submitted_at);
      CREATE INDEX applications_by_activity ON applications (activity, submitted_at);
    `,
  },
  {
    version: 12,
    name: "audit entries of one kind about a subject (a plan's spot-check findings, read for its customer's track record)",
    // Every view of a plan adds an entry about it, so reading all of them to find its few findings grew with its views.
    sql: `CREATE INDEX audit_by_subject_action ON audit (subject, action, id);`,
  },
  {
    version: 13,
    name: 'applications by state (the open plans that decide who is least loaded and what waits on whom)',
    sql: `CREATE INDEX applications_by_state ON applications (state, submitted_at);`,
  },
];

/**
 * Migration 16: the plans of an activity that took effect, newest first: a track record's sample (the
 * activity's latest plans in effect or expired, `trackRecordOf`). Read by (activity, submitted_at) and a
 * look at each row's state, the sample walked past every plan of the activity still in review or ended
 * otherwise: with 10,000 in review, tens of milliseconds of the event loop at each approver's card (issue 13).
 * A page's states are written into its statement in the workflow's order (application-repository.ts), as
 * SQLite uses a partial index only for a condition with the same text.
 */
export const TOOK_EFFECT_INDEX: Migration = {
  version: 16,
  name: "the plans of an activity that took effect, newest first (a track record's sample), whatever else the activity holds",
  sql: `CREATE INDEX applications_took_effect ON applications (activity, submitted_at) WHERE state IN ('active', 'expired');`,
};
