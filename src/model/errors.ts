/** Where in a user's input something is: a file and, as far as known, line, column and path. */
export interface Location {
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** JSON path within the document, e.g. ["techniques", 3, "consumes", "coal"]. */
  readonly path?: readonly (string | number)[];
  /** 1-based row and column of a table (CSV/TSV), counting header rows. */
  readonly row?: number;
  readonly tableColumn?: number;
}

export interface Issue {
  /** Machine-readable kind: "duplicate-id", "unknown-id", "negative", "not-finite", "missing", … */
  readonly code: string;
  readonly message: string;
  readonly location: Location;
  /** The offending value, if there is one. */
  readonly value?: unknown;
}

/** Formats a location as `file:line:column (at techniques[3].consumes.coal)`. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  let head = loc.file ?? '<input>';
  if (loc.line !== undefined) {
    head += `:${loc.line}`;
    if (loc.column !== undefined) head += `:${loc.column}`;
  }
  parts.push(head);
  if (loc.row !== undefined) parts.push(`row ${loc.row}${loc.tableColumn !== undefined ? `, column ${loc.tableColumn}` : ''}`);
  if (loc.path !== undefined && loc.path.length > 0) parts.push(`at ${formatPath(loc.path)}`);
  return parts.join(' ');
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
}

export function formatIssue(issue: Issue): string {
  const v = 'value' in issue ? ` (value: ${formatValue(issue.value)})` : '';
  return `${formatLocation(issue.location)}: ${issue.message}${v}`;
}

/** Issues an InputError's message lists; `issues` keeps them all. */
export const LISTED_ISSUES = 100;

/**
 * Bad user input: a model, plan, table or option that cannot be used. Carries every issue found,
 * each with its location. Surfaces print `message` (one line per issue, the first LISTED_ISSUES
 * and then how many more) and exit with status 1.
 */
export class InputError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const listed = issues.slice(0, LISTED_ISSUES).map(formatIssue);
    const more = issues.length - listed.length;
    if (more > 0) listed.push(`… and ${more} more issues (${issues.length} in all)`);
    super(listed.join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** Appends every item of `more` to `list` (a spread of hundreds of thousands would overflow the stack). */
export function appendAll<T>(list: T[], more: readonly T[]): void {
  for (const item of more) list.push(item);
}

export function inputError(code: string, message: string, location: Location, value?: unknown): InputError {
  const issue: Issue = value === undefined ? { code, message, location } : { code, message, location, value };
  return new InputError([issue]);
}
