import { parquetMetadata, parquetRead, type FileMetaData } from 'hyparquet';
import { InputError, inputError, type Issue } from '../errors.js';

const MAGIC = 'PAR1';

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && at + 4 <= bytes.length && String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]) === MAGIC;
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The footer of a Parquet file held in `bytes`. A file that does not begin with PAR1 is not
 * Parquet; one that begins but does not end with it is truncated; a footer the library cannot
 * decode is damaged. Each is an InputError naming the file.
 */
export function readParquetMetadata(bytes: Uint8Array, file: string): FileMetaData {
  if (!hasMagic(bytes, 0)) throw inputError('not-parquet', `not a Parquet file (it does not begin with ${MAGIC})`, { file });
  if (bytes.length < 12 || !hasMagic(bytes, bytes.length - 4)) {
    throw inputError('truncated-parquet', `truncated: a Parquet file ends with ${MAGIC} after its footer (${bytes.length} bytes read)`, { file });
  }
  try {
    return parquetMetadata(bytes);
  } catch (err) {
    throw inputError('damaged-parquet', `a damaged Parquet file: ${reason(err)}`, { file });
  }
}

/** A column to read: its name and its Parquet physical type. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: 'INT32' | 'DOUBLE';
}

type Numbers = Int32Array | Float64Array;

/** Checks that every column exists with its type; each that does not is a located issue. */
function checkSchema(metadata: FileMetaData, specs: readonly ColumnSpec[], file: string): void {
  const issues: Issue[] = [];
  for (const spec of specs) {
    const element = metadata.schema.find((s) => s.name === spec.name && s.num_children === undefined);
    if (element === undefined) {
      issues.push({ code: 'missing-column', message: `the column "${spec.name}" (${spec.type}) is missing`, location: { file, path: [spec.name] } });
    } else if (element.type !== spec.type) {
      issues.push({ code: 'wrong-column-type', message: `the column "${spec.name}" must be ${spec.type}`, location: { file, path: [spec.name] }, value: element.type });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Reads numeric columns of a Parquet file into typed arrays (one per column, no object per
 * value). A null (an optional column's missing value) is a located issue at its 1-based row.
 */
export async function readNumericColumns(bytes: Uint8Array, metadata: FileMetaData, specs: readonly ColumnSpec[], file: string): Promise<Record<string, Numbers>> {
  checkSchema(metadata, specs, file);
  const rows = Number(metadata.num_rows);
  const out: Record<string, Numbers> = {};
  for (const s of specs) out[s.name] = s.type === 'INT32' ? new Int32Array(rows) : new Float64Array(rows);
  const issues: Issue[] = [];
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const buffer = whole ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: specs.map((s) => s.name),
      onChunk({ columnName, columnData, rowStart }) {
        const target = out[columnName];
        if (columnData instanceof Int32Array || columnData instanceof Float64Array) {
          target.set(columnData, rowStart);
          return;
        }
        for (let i = 0; i < columnData.length; i++) {
          const v: unknown = columnData[i];
          if (typeof v === 'number') target[rowStart + i] = v;
          else if (issues.length < 100) issues.push({ code: 'missing-value', message: `the column "${columnName}" has no value in this row`, location: { file, row: rowStart + i + 1, path: [columnName] }, value: v ?? null });
        }
      },
    });
  } catch (err) {
    throw inputError('damaged-parquet', `a damaged Parquet file: ${reason(err)}`, { file });
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}
