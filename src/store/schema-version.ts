/**
 * A database written by a newer PlanDesk than this one: its schema has steps this version does not
 * know, so reading or writing it could lose what they added. Opening it is refused, nothing changed.
 */
export class SchemaTooNew extends Error {
  readonly code = 'schema_too_new';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${path} was written by a newer PlanDesk (schema version ${found}); this one knows schema versions up to ${known}: nothing was changed. Upgrade PlanDesk to open it.`,
    );
    this.name = 'SchemaTooNew';
  }
}
