import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths.js';

// What every browser test checks on every view: no page error, no console error, no failed
// request; no serious or critical accessibility violation (axe-core); and a screenshot written
// as an artifact for people to review (never pixel-compared).

/** Where screenshots go: $PLENTY_TEST_ARTIFACTS, else `test-artifacts/web` in the repository. */
export const ARTIFACTS: string = process.env['PLENTY_TEST_ARTIFACTS'] ?? join(repoRoot, 'test-artifacts', 'web');

export interface PageWatch {
  /** Everything that went wrong on the page since the watch began (or since the last `clear`). */
  problems(): readonly string[];
  clear(): void;
  /** Fails the test with the list when anything went wrong. */
  assertClean(where: string): void;
}

/**
 * Records page errors, console errors, requests that failed and answers of 400 and above.
 * `expected` lets a test allow the answers it provokes on purpose (e.g. a 422 for a bad report):
 * a method and a path pattern with the status.
 */
export function watchPage(page: Page, expected: readonly { readonly status: number; readonly path: RegExp }[] = []): PageWatch {
  let list: string[] = [];
  page.on('pageerror', (e) => list.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // The browser logs every 4xx answer as a console error; answers are judged below instead.
    if (/^Failed to load resource: the server responded with a status of \d+/.test(text)) return;
    list.push(`console error: ${text}`);
  });
  page.on('requestfailed', (r) => {
    const failure = r.failure()?.errorText ?? 'failed';
    // A navigation or an aborted fetch of a view the user left is not a failure of the app.
    if (failure === 'net::ERR_ABORTED') return;
    list.push(`request failed: ${r.method()} ${r.url()} (${failure})`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const path = new URL(r.url()).pathname;
    if (expected.some((e) => e.status === r.status() && e.path.test(path))) return;
    list.push(`answer ${r.status()}: ${r.request().method()} ${path}`);
  });
  return {
    problems: () => list,
    clear: () => {
      list = [];
    },
    assertClean: (where) => assert.deepEqual(list, [], `${where}: the page had problems:\n${list.join('\n')}`),
  };
}

const axeSource: string = (() => {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
})();

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** Runs axe-core on the page as it stands; fails on any serious or critical violation. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  // Evaluated in the page (as text: the tests are compiled without the DOM's types).
  const loaded = await page.evaluate<boolean>("typeof window.axe !== 'undefined'");
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate<AxeViolation[]>(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`),
    [],
    `${where}: accessibility violations`,
  );
}

/** Writes a full-page screenshot `NAME.png` into the artifacts folder; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The checks every view gets: clean page, accessible, screenshot at the current size. */
export async function checkView(page: Page, watch: PageWatch, name: string): Promise<void> {
  watch.assertClean(name);
  await assertAccessible(page, name);
  await screenshot(page, name);
}
