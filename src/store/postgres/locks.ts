/**
 * The first key of Plenty's advisory locks ('PLNT'); the second names what is locked: 1 the
 * schema (migrations), 3 the job queue's schema (graphile-worker's migrations), else `hashtext`
 * of a model id, of an enterprise's reports (`'reports:' || enterprise`) or of an alert's key.
 */
export const LOCK_CLASS = 0x504c4e54;

/** The lock under which graphile-worker's schema is migrated (src/server/queued-jobs.ts). */
export const QUEUE_SCHEMA: readonly [number, number] = [LOCK_CLASS, 3];
