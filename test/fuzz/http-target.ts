import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { httpStep, type HttpCase, type HttpStep, type Route } from './http-case.js';
import { plannedAmounts } from './http-setup.js';
import { HttpSession, serviceRoutes } from './http-session.js';
import { invalidUtf8Offset, type Finding } from './oracle.js';
import { shrinkable } from './http-shrink.js';
import type { Origin, Session, Target } from './target.js';
import { workerSession } from './worker-session.js';

/** Requests per service: a fresh service (and store) after this many. */
export const HTTP_EPISODE = 250;

/** A step as JSON: the body as text when it is UTF-8, else in base64. */
export function stepJson(s: HttpStep): Record<string, unknown> {
  const body = s.payload === undefined ? {} : invalidUtf8Offset(s.payload) < 0 ? { body: s.payload.toString('utf8') } : { bodyBase64: s.payload.toString('base64') };
  return { route: s.route, method: s.method, url: s.url, auth: s.auth, headers: s.headers, ...body, notes: s.notes };
}

/** A step from its JSON (as stepJson writes it). */
export function stepFromJson(j: Record<string, unknown>): HttpStep {
  const payload = typeof j.body === 'string' ? Buffer.from(j.body, 'utf8') : typeof j.bodyBase64 === 'string' ? Buffer.from(j.bodyBase64, 'base64') : undefined;
  return {
    route: String(j.route),
    method: String(j.method),
    url: String(j.url),
    auth: j.auth as HttpStep['auth'],
    headers: (j.headers ?? {}) as Record<string, string>,
    ...(payload === undefined ? {} : { payload }),
    notes: Array.isArray(j.notes) ? j.notes.map(String) : [],
  };
}

/** The HTTP target: fuzzed requests over every route of a service built in-process (app.inject). */
export async function httpTarget(): Promise<Target<HttpCase>> {
  const routes: readonly Route[] = await serviceRoutes();
  // The setup's published plan, for reports near it (the setup is the same every time).
  const session = await HttpSession.open();
  const planned = plannedAmounts(await session.publishedActivity());
  await session.close();
  return {
    name: 'http',
    episode: HTTP_EPISODE,
    make: (seed, index) => ({ seed, index, steps: [httpStep(seed, index, routes, planned)] }),
    replay(seed, index) {
      const from = Math.floor(index / HTTP_EPISODE) * HTTP_EPISODE;
      return { seed, index: from, steps: Array.from({ length: index - from + 1 }, (_, k) => httpStep(seed, from + k, routes, planned)) };
    },
    variants: shrinkable,
    describe: (c) => c.steps.map((s) => `${s.method} ${s.url.slice(0, 80)} ${s.notes.join('; ')}`).join(' | '),
    open: async (): Promise<Session<HttpCase>> => workerSession('http', (c: HttpCase) => c),
    async writeRepro(c: HttpCase, dir: string, finding: Finding, origin: Origin): Promise<void> {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'requests.json'), `${JSON.stringify(c.steps.map(stepJson), null, 2)}\n`);
      const last = c.steps[c.steps.length - 1];
      const lines = [
        `# Fuzz finding: ${finding.kind}`,
        '',
        `Found by \`npm run fuzz -- --target http --seed ${origin.seed} --from ${origin.index} --cases 1\` (it runs the requests of its session before it; then shrunk).`,
        '',
        '```',
        finding.message,
        '```',
        '',
        'The service starts as the fuzzer sets it up (test/fuzz/http-setup.ts: the two-region test economy as model `small`, its base',
        'scenario solved and published, its enterprises registered). requests.json lists the requests, in order; replay them with',
        '',
        '```sh',
        `npm run fuzz -- --replay ${join(dir, 'requests.json')}`,
        '```',
        '',
        `The last request: ${last.method} ${last.url}${last.payload === undefined ? '' : ` with a body of ${last.payload.length} bytes`}.`,
        '',
      ];
      await writeFile(join(dir, 'README.md'), lines.join('\n'));
    },
  };
}
