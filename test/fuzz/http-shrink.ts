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
  // A body nested deeper than this is left as it is (the trees are walked recursively).
  if (last.payload === undefined || nestingOf(last.payload) > 200) return;
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

/** The deepest nesting of brackets and braces in a JSON text (strings skipped). */
function nestingOf(b: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
