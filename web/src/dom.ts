/** Attributes of an element: strings set as attributes, `text` as its text, `on*` as listeners. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined | ((e: Event) => void)>>;

/** Creates an HTML element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** Replaces an element's content. */
export function mount(parent: Element, ...children: (Node | string | null | undefined)[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined));
}

/** Says something to screen-reader users through the page's live region. */
export function announce(text: string): void {
  const el = document.getElementById('status');
  if (el !== null) el.textContent = text;
}
