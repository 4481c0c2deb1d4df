import { h } from '../dom.js';

export interface TabItem {
  readonly id: string;
  readonly label: string;
  /** The tab's link (a URL of the view with the current model), for a new tab or a shared link. */
  readonly href: string;
}

/**
 * The views as an ARIA tab list (WAI-ARIA Authoring Practices, tabs with automatic activation):
 * the active tab is the one in the page's tab order; the arrow keys, Home and End move to another
 * tab and show its view; a click or Enter follows the tab's link.
 */
export function tabList(items: readonly TabItem[], active: string, select: (id: string) => void): HTMLElement {
  const links = items.map((t) =>
    h('a', {
      href: t.href,
      id: `tab-${t.id}`,
      role: 'tab',
      'aria-selected': t.id === active ? 'true' : 'false',
      'aria-controls': 'main',
      'aria-current': t.id === active ? 'page' : undefined,
      tabindex: t.id === active ? 0 : -1,
      text: t.label,
    }),
  );
  const list = h('ul', { role: 'tablist', 'aria-label': 'Views' }, ...links.map((a) => h('li', { role: 'presentation' }, a)));
  list.addEventListener('keydown', (e) => {
    const k = links.indexOf(e.target as HTMLAnchorElement);
    if (k < 0) return;
    const n = links.length;
    const to = e.key === 'ArrowRight' ? (k + 1) % n : e.key === 'ArrowLeft' ? (k + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    select(items[to].id);
    document.getElementById(`tab-${items[to].id}`)?.focus();
  });
  return list;
}
