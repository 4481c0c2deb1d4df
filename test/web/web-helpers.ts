import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningServer } from './start-server.js';

// Helpers of the analysis and balance browser tests: the service's answers, downloads, table cells.

/** Relative agreement to `tol` (absolute below 1e-12 of the scale). */
export function assertClose(actual: number, expected: number, where: string, tol = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-12), `${where}: ${actual} vs ${expected}`);
}

/** The service's planner API with the token the page got. */
export function serviceApi(server: RunningServer, token: () => string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.ok(res.status < 300, `${method} /api${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return call;
}

/** Clicks what `click` names and returns the download's file name and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  assert.ok(path !== null, 'the download was saved');
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The `data-value` of the cells of column `col` (0-based) in the rows of a table, keyed by row. */
export async function columnValues(page: Page, table: string, col: number): Promise<[string, number][]> {
  return page.$$eval(
    `[data-table="${table}"] tbody tr:not(.spacer)`,
    (trs, c) => trs.map((tr) => [tr.getAttribute('data-key') ?? '', Number(tr.children[c as number]?.getAttribute('data-value'))] as [string, number]),
    col,
  );
}

/** The index of the column whose header starts with `label` in a table. */
export async function columnIndex(page: Page, table: string, label: string): Promise<number> {
  const heads = await page.$$eval(`[data-table="${table}"] thead th`, (ths) => ths.map((th) => th.textContent ?? ''));
  const k = heads.findIndex((t) => t.startsWith(label));
  assert.ok(k >= 0, `column ${label} in ${table}: ${heads.join(' | ')}`);
  return k;
}

/** Opens a stored model in the dashboard and shows `view` (a fresh load of the page, so that it lists every stored model). */
export async function openModel(page: Page, url: string, id: string, view: string): Promise<void> {
  await page.goto(`${url}/?load=${Date.now()}#${view}`);
  await page.waitForSelector('#model-select');
  // The model the page opened by itself is shown first; its view is marked stale so that what
  // the test reads next is the view of the model it opens.
  await page.waitForSelector('main section.view');
  await page.evaluate("document.querySelector('main section.view').setAttribute('data-stale', '')");
  await page.selectOption('#model-select', id);
  await page.click('#open-model');
  await page.waitForSelector('main section.view:not([data-stale])');
}
