import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from './migrations.js';

/**
 * SQLite's `application_id` of a Plenty store ("PLNT" in ASCII): written into the file's header
 * when a store is created (or first opened by a Plenty that marks stores), so that a file can be
 * told for a Plenty store before anything in it is touched.
 */
export const PLENTY_APPLICATION_ID = 0x504c4e54;

/** The schema version of the last migration: the newest store this code reads. */
export function latestSchemaVersion(): number {
  return MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1].version;
}

/** A table or an index of a database. */
export interface SchemaObject {
  readonly name: string;
  readonly type: 'table' | 'index';
}

const objectsByVersion = new Map<number, readonly SchemaObject[]>();

/**
 * The tables and indexes a store of a schema version holds (sorted by name): found by applying
 * the migrations up to it to an empty in-memory database.
 */
export function schemaObjects(version: number): readonly SchemaObject[] {
  let names = objectsByVersion.get(version);
  if (names === undefined) {
    const db = new Database(':memory:');
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= version),
      );
      names = userObjects(db);
    } finally {
      db.close();
    }
    objectsByVersion.set(version, names);
  }
  return names;
}

/** The tables and indexes of a database other than SQLite's own (sorted by name). */
export function userObjects(db: Database.Database): SchemaObject[] {
  return db.prepare("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as SchemaObject[];
}
