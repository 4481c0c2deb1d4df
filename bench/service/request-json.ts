/** A JSON answer: the status and the parsed body (undefined when empty or not JSON). */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface RequestJsonOptions {
  readonly method?: string;
  readonly token?: string | undefined;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** One request to the service with a JSON body and a bearer token; rejects only on network failure. */
export async function requestJson(base: string, path: string, options: RequestJsonOptions = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal !== undefined) init.signal = options.signal;
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}
