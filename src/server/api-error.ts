/** One located problem in a request: where (a JSON path, or a model file's line and column), what, and the value. */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly value?: unknown;
  readonly code?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The body of every error answer; `requestId` (also in the `x-request-id` header) in 5xx answers. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly issues: readonly ApiIssue[]; readonly requestId?: string };
}

/**
 * An error answer of the service: HTTP status, a machine-readable code, a sentence and, for
 * refused input, the located issues. Sent as `{ error: { code, message, issues } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string | number): ApiError => new ApiError(404, 'not-found', `no ${what} with id ${JSON.stringify(id)}`);
