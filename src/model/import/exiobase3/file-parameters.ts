import { InputError, inputError } from '../../errors.js';
import { readDocument } from '../../parse-document.js';
import type { SourceFiles } from '../source-files.js';

/** One file of a `file_parameters.json` (pymrio's save_all layout, which EXIOBASE 3 ships). */
export interface ParameterFile {
  readonly name: string;
  readonly indexColumns?: number;
  readonly headerRows?: number;
}

/** A `file_parameters.json`: its files by key (A, Z, x, Y, unit, F, F_Y, …), system type and name. */
export interface FileParameters {
  /** Where it is, for errors (archive or folder, then the path inside). */
  readonly file: string;
  readonly files: ReadonlyMap<string, ParameterFile>;
  /** `IOSystem` for the core, `Extension` for a satellite folder. */
  readonly systemtype?: string;
  readonly name?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON file of the download, strictly parsed; its errors are located. */
export async function readJson(source: SourceFiles, entry: string): Promise<unknown> {
  const file = source.where(entry);
  const { data, issues } = readDocument(await source.readText(entry), file, 'json');
  if (issues.length > 0) throw new InputError(issues);
  return data;
}

/**
 * Reads `file_parameters.json`: `files` maps keys to `{name, nr_index_col, nr_header}` (numbers or
 * numeric strings, as pymrio writes them). Anything else is an InputError at its JSON path.
 */
export async function readFileParameters(source: SourceFiles, entry: string): Promise<FileParameters> {
  const file = source.where(entry);
  const raw = await readJson(source, entry);
  if (!isRecord(raw) || !isRecord(raw.files)) throw inputError('bad-parameters', 'file parameters need a "files" object', { file, path: ['files'] });
  const files = new Map<string, ParameterFile>();
  for (const [key, v] of Object.entries(raw.files)) {
    if (!isRecord(v) || typeof v.name !== 'string' || v.name === '') {
      throw inputError('bad-parameters', 'each file needs a "name"', { file, path: ['files', key, 'name'] }, isRecord(v) ? v.name : v);
    }
    const count = (field: 'nr_index_col' | 'nr_header'): number | undefined => {
      if (v[field] === undefined) return undefined;
      const num = Number(v[field]);
      if (!Number.isInteger(num) || num < 0 || num > 10) throw inputError('bad-parameters', 'must be a whole number from 0 to 10', { file, path: ['files', key, field] }, v[field]);
      return num;
    };
    const indexColumns = count('nr_index_col');
    const headerRows = count('nr_header');
    files.set(key, { name: v.name, ...(indexColumns === undefined ? {} : { indexColumns }), ...(headerRows === undefined ? {} : { headerRows }) });
  }
  return {
    file,
    files,
    ...(typeof raw.systemtype === 'string' ? { systemtype: raw.systemtype } : {}),
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
  };
}
