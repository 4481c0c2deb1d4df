/** The current time as an ISO 8601 UTC string, as stored in `created_at` columns. */
export function now(): string {
  return new Date().toISOString();
}
