import type { Located } from '../api-types.js';
import { h } from '../dom.js';

const CONTEXT = 2;

function where(i: Located): string {
  const at = i.line === undefined ? '' : `line ${i.line}${i.column === undefined ? '' : `, column ${i.column}`}`;
  const path = i.path === undefined || i.path.length === 0 ? '' : i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  return [at, path].filter((s) => s !== '').join(' · ');
}

function valueText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * A refused model file shown as the file itself: the lines around each issue, numbered, with the
 * issue's message under the line it names (and issues without a line listed first).
 */
export function uploadErrors(fileName: string, text: string, issues: readonly Located[]): HTMLElement {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, Located[]>();
  const unplaced: Located[] = [];
  for (const i of issues) {
    if (i.line !== undefined && i.line >= 1 && i.line <= lines.length) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i]);
    else unplaced.push(i);
  }
  const shown = new Set<number>();
  for (const l of byLine.keys()) for (let k = Math.max(1, l - CONTEXT); k <= Math.min(lines.length, l + CONTEXT); k++) shown.add(k);
  const listing = h('ol', { class: 'listing', 'aria-label': `${fileName} with its issues` });
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > last + 1 && last > 0) listing.append(h('li', { class: 'gap', 'aria-hidden': 'true', text: '⋮' }));
    last = n;
    const issuesHere = byLine.get(n) ?? [];
    listing.append(h('li', { class: issuesHere.length > 0 ? 'line bad' : 'line', 'data-line': n }, h('span', { class: 'ln num', text: String(n) }), h('code', { text: lines[n - 1] ?? '' })));
    for (const i of issuesHere) {
      const col = i.column !== undefined ? ' '.repeat(Math.max(0, i.column - 1)) + '^ ' : '';
      listing.append(h('li', { class: 'issue', role: 'note', 'data-line': n }, h('span', { class: 'ln' }), h('span', {}, h('code', { class: 'caret', text: col }), `${i.message}${'value' in i ? ` (value: ${valueText(i.value)})` : ''}`, h('span', { class: 'muted', text: ` — ${where(i)}` }))));
    }
  }
  return h(
    'section',
    { class: 'panel upload-errors', role: 'alert', 'aria-labelledby': 'upload-errors-h' },
    h('h2', { id: 'upload-errors-h', text: `${fileName} was refused: ${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}` }),
    h('p', { class: 'muted', text: 'Nothing was stored. Fix the lines marked below and upload the file again.' }),
    unplaced.length === 0 ? null : h('ul', { class: 'unplaced' }, ...unplaced.map((i) => h('li', { text: `${where(i) === '' ? '' : `${where(i)}: `}${i.message}` }))),
    byLine.size === 0 ? null : listing,
  );
}
