import { parquetMetadata, parquetMetadataAsync, parquetRead, type FileMetaData } from 'hyparquet';
import { InputError, inputError, type Issue } from '../errors.js';
import type { ParquetSource } from './parquet-source.js';
import { readPlainChunk, readPlainStrings } from './read-plain-chunk.js';

const MAGIC = 'PAR1';

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function hasMagic(source: ParquetSource, at: number): Promise<boolean> {
  if (at < 0 || at + 4 > source.byteLength) return false;
  const b = new Uint8Array(await source.slice(at, at + 4));
  return String.fromCharCode(b[0], b[1], b[2], b[3]) === MAGIC;
}

/**
 * The footer of a Parquet file. A file that does not begin with PAR1 is not Parquet; one that
 * begins but does not end with it is truncated; a footer the library cannot decode is damaged.
 * Each is an InputError naming the file.
 */
export async function readParquetMetadata(source: ParquetSource, file: string): Promise<FileMetaData> {
  if (!(await hasMagic(source, 0))) throw inputError('not-parquet', `not a Parquet file (it does not begin with ${MAGIC})`, { file });
  if (source.byteLength < 12 || !(await hasMagic(source, source.byteLength - 4))) {
    throw inputError('truncated-parquet', `truncated: a Parquet file ends with ${MAGIC} after its footer (${source.byteLength} bytes read)`, { file });
  }
  try {
    return source.byteLength < 1 << 20 ? parquetMetadata(await source.slice(0, source.byteLength)) : await parquetMetadataAsync(source);
  } catch (err) {
    throw inputError('damaged-parquet', `a damaged Parquet file: ${reason(err)}`, { file });
  }
}

/** A column to read: its name and its Parquet physical type. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: 'INT32' | 'DOUBLE' | 'BYTE_ARRAY';
  /** Whether a row may have no value (null); else a null is a `missing-value` issue. */
  readonly optional?: boolean;
}

/** A numeric column's values; strings (BYTE_ARRAY) come as an array, null where a row has none. */
export type ColumnValues = Int32Array | Float64Array | (string | null)[];

/** Checks that every column exists with its type; each that does not is a located issue. */
export function checkSchema(metadata: FileMetaData, specs: readonly ColumnSpec[], file: string): void {
  const issues: Issue[] = [];
  for (const spec of specs) {
    const element = metadata.schema.find((s) => s.name === spec.name && s.num_children === undefined);
    if (element === undefined) {
      if (spec.optional !== true) issues.push({ code: 'missing-column', message: `the column "${spec.name}" (${spec.type}) is missing`, location: { file, path: [spec.name] } });
    } else if (element.type !== spec.type) {
      issues.push({ code: 'wrong-column-type', message: `the column "${spec.name}" must be ${spec.type}`, location: { file, path: [spec.name] }, value: element.type });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Whether the file has the column (an optional column may be left out). */
export function hasColumn(metadata: FileMetaData, name: string): boolean {
  return metadata.schema.some((s) => s.name === name && s.num_children === undefined);
}

function allocate(spec: ColumnSpec, rows: number): ColumnValues {
  if (spec.type === 'INT32') return new Int32Array(rows);
  if (spec.type === 'DOUBLE') return new Float64Array(rows);
  return new Array<string | null>(rows).fill(null);
}

/**
 * Reads columns of a Parquet file row group by row group: `onGroup` gets each group's values
 * (typed arrays for numbers, no object per value; the arrays are reused from group to group, so
 * keep what you need) with the 0-based row of the group's first row and its length `rows` (an
 * array of strings may be longer: only its first `rows` entries are the group's). A null in a
 * required column is a located issue at its 1-based row (reading stops after the group that has
 * one); a page the library cannot decode is `damaged-parquet`.
 */
export async function readRowGroups(
  source: ParquetSource,
  metadata: FileMetaData,
  specs: readonly ColumnSpec[],
  file: string,
  onGroup: (values: Record<string, ColumnValues>, rowStart: number, rows: number) => void,
): Promise<void> {
  checkSchema(metadata, specs, file);
  const present = specs.filter((s) => hasColumn(metadata, s.name));
  const largest = Math.max(0, ...metadata.row_groups.map((g) => Number(g.num_rows)));
  const buffers: Record<string, ColumnValues> = {};
  for (const s of present) buffers[s.name] = allocate(s, largest);
  const issues: Issue[] = [];
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const values: Record<string, ColumnValues> = {};
    for (const s of present) {
      const b = buffers[s.name];
      values[s.name] = Array.isArray(b) ? b.fill(null, 0, rows) : b.subarray(0, rows);
    }
    const start = groupStart;
    try {
      // The format's own columns are read as bytes (readPlainChunk); others through hyparquet.
      const rest = present.filter((s) => {
        const v = values[s.name];
        const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === s.name);
        const element = metadata.schema.find((e) => e.name === s.name && e.num_children === undefined);
        const required = element?.repetition_type === 'REQUIRED';
        const read = (a: number, b: number): Uint8Array => source.read(a, b);
        if (chunk === undefined) return true;
        if (!Array.isArray(v)) return !readPlainChunk(read, chunk, required, v, rows);
        const text = element?.converted_type === 'UTF8' || element?.logical_type?.type === 'STRING';
        return !(text && readPlainStrings(read, chunk, required, v, rows));
      });
      if (rest.length > 0) await parquetRead({
        file: source,
        metadata,
        columns: rest.map((s) => s.name),
        rowStart: start,
        rowEnd: start + rows,
        onChunk({ columnName, columnData, rowStart }) {
          const spec = present.find((s) => s.name === columnName);
          const target = values[columnName];
          const at = rowStart - start;
          if (!Array.isArray(target) && (columnData instanceof Int32Array || columnData instanceof Float64Array)) {
            target.set(columnData, at);
            return;
          }
          for (let i = 0; i < columnData.length; i++) {
            const v: unknown = columnData[i];
            if (Array.isArray(target) ? typeof v === 'string' : typeof v === 'number') target[at + i] = v as never;
            else if (v === null || v === undefined ? spec?.optional !== true : true) {
              if (issues.length < 100) issues.push({ code: 'missing-value', message: `the column "${columnName}" has no value in this row`, location: { file, row: rowStart + i + 1, path: [columnName] }, value: v ?? null });
            }
          }
        },
      });
    } catch (err) {
      throw inputError('damaged-parquet', `a damaged Parquet file: ${reason(err)}`, { file });
    }
    if (issues.length > 0) throw new InputError(issues);
    onGroup(values, start, rows);
    groupStart += rows;
  }
}

/** Reads whole columns into arrays of the file's length (small tables: products, techniques, targets). */
export async function readColumns(source: ParquetSource, metadata: FileMetaData, specs: readonly ColumnSpec[], file: string): Promise<Record<string, ColumnValues>> {
  const rows = Number(metadata.num_rows);
  const out: Record<string, ColumnValues> = {};
  for (const s of specs) if (hasColumn(metadata, s.name)) out[s.name] = allocate(s, rows);
  await readRowGroups(source, metadata, specs, file, (values, start, n) => {
    for (const [name, v] of Object.entries(values)) {
      const target = out[name];
      if (Array.isArray(target)) for (let i = 0; i < n; i++) target[start + i] = (v as (string | null)[])[i];
      else (target as { set(a: ArrayLike<number>, at: number): void }).set((v as Int32Array | Float64Array).subarray(0, n), start);
    }
  });
  return out;
}
