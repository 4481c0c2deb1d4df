/**
 * The dashboard's state in the URL, so that a reload or a shared link shows the same view and
 * the browser's back and forward buttons step through what the user chose.
 *
 * The URL's hash holds the view and its options as a query: `#plans?model=ussr-1930&plan=7&period=1932`.
 * Keys in use (add yours here when a view needs one):
 *
 * | key | what |
 * |---|---|
 * | `model` | the open model's id |
 * | `version` | its version (absent: the latest) |
 * | `scenario` | the scenario shown |
 * | `plan` | the plan shown (a plan id) |
 * | `period` | the period shown |
 * | others | a view's own options (a sort column, a filter, a tier…), named by the view |
 *
 * For a view:
 * - read at render time: `urlState.get('period')` (null when absent);
 * - write when the user chooses something: `urlState.set({ period: '1932' })` adds a history
 *   entry (back returns to the previous choice); `urlState.set({ plan: 7 }, { replace: true })`
 *   records a default or a result without one; a value of null removes the key. Writing never
 *   re-renders the view: it only records what the view already shows.
 * - on back, forward or an edited URL the dashboard renders the view again, which reads the URL
 *   again: a view that reads its options from urlState at render time needs nothing more.
 *
 * The keys `model`, `version`, `scenario` and `plan` go with the user from view to view (the tabs'
 * links carry them); the others belong to the view that set them. Opening another model drops
 * every key but the model.
 */

/** The keys kept when the user switches views. */
export const SHARED_KEYS: readonly string[] = ['model', 'version', 'scenario', 'plan'];

export type UrlValues = Readonly<Record<string, string | number | null | undefined>>;

export interface UrlParts {
  readonly view: string | null;
  readonly params: URLSearchParams;
}

/** The view and the options of a hash (`#plans?model=x&plan=7`). */
export function parseHash(hash: string): UrlParts {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const view = q < 0 ? text : text.slice(0, q);
  return { view: view === '' ? null : decodeURIComponent(view), params: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)) };
}

/** The hash of a view and its options (keys sorted, so that the same state is the same URL). */
export function formatHash(view: string | null, params: URLSearchParams): string {
  const sorted = new URLSearchParams([...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const query = sorted.toString();
  return `#${view === null ? '' : encodeURIComponent(view)}${query === '' ? '' : `?${query}`}`;
}

function apply(params: URLSearchParams, values: UrlValues): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') out.delete(k);
    else out.set(k, String(v));
  }
  return out;
}

/** The hash the page shows as the dashboard rendered or wrote it; another one is a navigation to show. */
let settled: string | null = null;

function write(hash: string, replace: boolean): void {
  if (hash !== location.hash && !(hash === '#' && location.hash === '')) {
    const url = `${location.pathname}${location.search}${hash}`;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
  }
  settled = location.hash;
}

/** Reading and writing the state in the URL (see the comment at the top of this file). */
export const urlState = {
  /**
   * Whether the URL is one the dashboard shows already (it rendered it, or a view wrote it): back,
   * forward and an edited URL are not, and must be rendered. `settle()` records the URL as shown.
   */
  isSettled(): boolean {
    return location.hash === settled;
  },

  settle(): void {
    settled = location.hash;
  },

  /** The view named in the URL, or null. */
  view(): string | null {
    return parseHash(location.hash).view;
  },

  /** A key's value, or null when the URL does not name it. */
  get(key: string): string | null {
    return parseHash(location.hash).params.get(key);
  },

  /** A key's value as a number, or null when absent or not a number. */
  number(key: string): number | null {
    const v = urlState.get(key);
    if (v === null || v.trim() === '') return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  },

  /** Sets keys (null removes one) in the current view's URL; adds a history entry unless `replace`. */
  set(values: UrlValues, options: { readonly replace?: boolean } = {}): void {
    const { view, params } = parseHash(location.hash);
    write(formatHash(view, apply(params, values)), options.replace === true);
  },

  /** The link to a view, carrying the shared keys of the current URL and `values`. */
  href(view: string, values: UrlValues = {}): string {
    const { params } = parseHash(location.hash);
    const kept = new URLSearchParams();
    for (const k of SHARED_KEYS) {
      const v = params.get(k);
      if (v !== null) kept.set(k, v);
    }
    return formatHash(view, apply(kept, values));
  },

  /**
   * Goes to a view (a history entry; `replace` for a default), carrying the shared keys and
   * `values`; with `only`, the URL holds `values` alone (another model: nothing else applies).
   */
  go(view: string, values: UrlValues = {}, options: { readonly replace?: boolean; readonly only?: boolean } = {}): void {
    write(options.only === true ? formatHash(view, apply(new URLSearchParams(), values)) : urlState.href(view, values), options.replace === true);
  },
};
