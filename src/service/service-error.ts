import type { InputError } from '../model/errors.js';

/** One located problem of a refused request: where (a JSON path of the request), what, and the value. */
export interface ServiceIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly value?: unknown;
  readonly code?: string;
}

/**
 * What a refusal means, whatever the surface: `not-found` (no such model, plan, …), `conflict`
 * (the stored state forbids it: an id taken, a plan not optimal), `invalid-request` (a request
 * option names nothing, checked before any work), `refused` (the input does not fit the model:
 * located issues), `forbidden` (the caller may not see or change it). The HTTP edge maps each kind
 * to its status (server/service-error-status.ts); the CLI to its exit code.
 */
export type ServiceErrorKind = 'not-found' | 'conflict' | 'invalid-request' | 'refused' | 'forbidden';

/**
 * A use case's refusal: its kind, a machine-readable code, a sentence and, for refused input,
 * the located issues, or the InputError of the library with the name of what it refused
 * (`the reports`, `the request`), which the edge shows with the library's locations.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly issues: readonly ServiceIssue[] = [],
    readonly input?: { readonly what: string; readonly error: InputError },
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** No `what` with this id (code `not-found`). */
export const notFound = (what: string, id: string | number): ServiceError => new ServiceError('not-found', 'not-found', `no ${what} with id ${JSON.stringify(id)}`);

/** No plan is published (code `not-published`). */
export const notPublished = (): ServiceError => new ServiceError('not-found', 'not-published', 'no plan has been published yet: POST /api/plans/:id/publish');
