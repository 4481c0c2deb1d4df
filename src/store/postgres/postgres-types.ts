import pg from 'pg';

const INT8 = 20;
const TIMESTAMPTZ = 1184;

/**
 * How the store reads PostgreSQL's values: `bigint` (ids and counts, all far below 2⁵³) as
 * numbers, `timestamptz` as ISO 8601 UTC strings (what `now()` gives and SQLite stores), the
 * rest as node-postgres does.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === TIMESTAMPTZ) {
      const parse = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (value: string) => Date;
      return (value: string) => parse(value).toISOString();
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};
