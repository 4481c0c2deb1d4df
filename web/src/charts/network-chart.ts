import { scaleSqrt } from 'd3';

export interface NetworkNode {
  readonly id: string;
  readonly label: string;
}

export interface NetworkEdge {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly value: number;
  /** Shown on hover and read by screen readers in the table beside the chart. */
  readonly title: string;
  /** `full`: the capacity it runs on is used up; `idle`: a line that carries nothing in the period. */
  readonly tone: 'full' | 'normal' | 'free' | 'idle';
}

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/**
 * Regions on a circle (the model gives no coordinates) and what flows between them as curved
 * arrows, their width by amount (square root, so that small flows stay visible) and their colour
 * by the load of the capacity they use.
 */
export function networkChart(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[], label: string): SVGSVGElement {
  const W = 640;
  const H = 460;
  const cx = W / 2;
  const cy = H / 2;
  const R = Math.min(W, H) / 2 - 70;
  const pos = new Map<string, { x: number; y: number; a: number }>();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    pos.set(n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a });
  });
  const top = Math.max(1e-12, ...edges.map((e) => e.value));
  const width = scaleSqrt().domain([0, top]).range([1.5, 14]);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': label });
  const defs = el('defs', {});
  for (const tone of ['full', 'normal', 'free', 'idle'] as const) {
    defs.append(el('marker', { id: `arrow-${tone}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 11, markerHeight: 11, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow tone-${tone}` })));
  }
  svg.append(defs);
  const links = el('g', { class: 'edges' });
  for (const e of [...edges].sort((a, b) => b.value - a.value)) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (a === undefined || b === undefined) continue;
    // Bend to the right of the direction of travel, so that a → b and b → a do not overlap.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const bend = 0.18 * len;
    const qx = mx + (dy / len) * bend;
    const qy = my - (dx / len) * bend;
    // Stop short of the node's circle.
    const shorten = (px: number, py: number, tx: number, ty: number) => {
      const d = Math.hypot(tx - px, ty - py) || 1;
      return { x: tx - ((tx - px) / d) * 16, y: ty - ((ty - py) / d) * 16 };
    };
    const s = shorten(qx, qy, a.x, a.y);
    const t = shorten(qx, qy, b.x, b.y);
    links.append(el('path', { d: `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`, class: `edge tone-${e.tone}`, 'stroke-width': e.tone === 'idle' ? 1.5 : width(e.value).toFixed(2), 'marker-end': `url(#arrow-${e.tone})`, 'data-key': e.key }, el('title', {}, e.title)));
  }
  svg.append(links);
  const g = el('g', { class: 'nodes' });
  for (const n of nodes) {
    const p = pos.get(n.id);
    if (p === undefined) continue;
    const right = Math.cos(p.a) >= 0;
    const lx = p.x + Math.cos(p.a) * 20;
    const ly = p.y + Math.sin(p.a) * 20 + 4;
    g.append(el('g', { class: 'node', 'data-region': n.id }, el('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 9 }), el('text', { x: lx.toFixed(1), y: ly.toFixed(1), 'text-anchor': Math.abs(Math.cos(p.a)) < 0.2 ? 'middle' : right ? 'start' : 'end' }, n.label)));
  }
  svg.append(g);
  return svg;
}
