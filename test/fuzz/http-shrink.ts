import type { HttpCase, HttpStep } from './http-case.js';
import { treeVariants } from './shrink.js';
import { fromPlain, toJsonText } from './tree.js';

/** Smaller HTTP cases: runs of earlier requests dropped (the last is the one that failed), then the last body made smaller. */
export function* shrinkable(c: HttpCase): Generator<HttpCase> {
  const n = c.steps.length - 1;
  for (let chunk = Math.max(1, Math.floor(n / 2)); chunk >= 1; chunk = chunk === 1 ? 0 : Math.max(1, Math.floor(chunk / 2))) {
    for (let at = 0; at + chunk <= n; at += chunk) yield { ...c, steps: [...c.steps.slice(0, at), ...c.steps.slice(at + chunk)] };
  }
  const last = c.steps[n];
  if (last.payload === undefined) return;
  let body: unknown;
  try {
    body = JSON.parse(last.payload.toString('utf8')) as unknown;
  } catch {
    return;
  }
  for (const node of treeVariants(fromPlain(body))) {
    const step: HttpStep = { ...last, payload: Buffer.from(toJsonText(node), 'utf8') };
    yield { ...c, steps: [...c.steps.slice(0, n), step] };
  }
}
