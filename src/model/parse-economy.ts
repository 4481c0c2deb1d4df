import { basename, extname } from 'node:path';
import { InputError, appendAll } from './errors.js';
import type { Issue } from './errors.js';
import { checkReferences } from './check-references.js';
import { formatOf, readDocument } from './parse-document.js';
import type { Format } from './parse-document.js';
import { FIELD_NAMES, economySchema } from './schema.js';
import { registerSource, subLocator, type SourceLocator } from './source-locations.js';
import { toEconomy } from './to-economy.js';
import type { Economy } from './types.js';
import { fromZodIssues } from './zod-issues.js';

export interface ParseOptions {
  /** The file name, used in error locations and for the format when `format` is absent. */
  readonly file: string;
  /** Default: from the file's extension (`.json` is JSON, anything else YAML). */
  readonly format?: Format;
}

/** Issues in reading order: by line, then column. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
}

/**
 * Parses and validates a model file (YAML or JSON, format in docs/model.md). Collects every issue
 * (syntax, schema, duplicate ids, unknown references, …) and throws one InputError listing them all,
 * each with file, line, column, JSON path and value.
 */
export function parseEconomy(text: string, options: ParseOptions): Economy {
  const format = options.format ?? formatOf(options.file);
  const { data, locator, issues } = readDocument(text, options.file, format);
  if (issues.length > 0) throw new InputError(sortIssues(issues));
  return economyFromData(data, locator, options.file);
}

/**
 * Validates a model document already read into plain data (the file's shape) and turns it into an
 * Economy: schema, duplicate ids and references, every issue located through `locator`. Issues
 * whose code is in `checkedElsewhere` are left out (the caller checked that rule itself).
 */
export function economyFromData(data: unknown, locator: SourceLocator, file: string, checkedElsewhere: ReadonlySet<string> = new Set()): Economy {
  const issues: Issue[] = [];
  const parsed = economySchema.safeParse(data);
  if (!parsed.success) appendAll(issues, fromZodIssues(parsed.error.issues, data, locator, FIELD_NAMES));
  appendAll(
    issues,
    checkReferences(data, locator).filter((i) => !checkedElsewhere.has(i.code)),
  );
  if (issues.length > 0 || !parsed.success) throw new InputError(sortIssues(issues));
  const economy = toEconomy(parsed.data, basename(file, extname(file)));
  registerSource(economy, locator);
  if (economy.plan !== undefined) registerSource(economy.plan, subLocator(economy, ['plan']));
  return economy;
}
