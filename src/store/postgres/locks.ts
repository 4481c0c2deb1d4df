/**
 * The first key of Plenty's advisory locks ('PLNT'); the second names what is locked: 1 the
 * schema (migrations), else `hashtext` of a model id, of an enterprise's reports
 * (`'reports:' || enterprise`) or of an alert's key.
 */
export const LOCK_CLASS = 0x504c4e54;
