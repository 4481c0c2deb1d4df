import { h } from './dom.js';

/** Offers `content` to the user as a file named `name` (a download, as the browser does it). */
export function downloadFile(name: string, type: string, content: string | Blob): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A table as CSV text (RFC 4180, CRLF line ends): a header of the column labels with their units
 * in brackets, then one line per row with each cell's raw value (numbers at full precision).
 */
export function csvText<R, C extends { readonly label: string; readonly unit?: string }>(columns: readonly C[], rows: readonly R[], raw: (c: C, row: R) => number | string | null): string {
  const head = columns.map((c) => csvField(c.unit === undefined || c.unit === '' ? c.label : `${c.label} (${c.unit})`)).join(',');
  const lines = rows.map((r) => columns.map((c) => csvField(raw(c, r))).join(','));
  return `${[head, ...lines].join('\r\n')}\r\n`;
}

/** The SVG document text of a chart, standalone (namespaces and an XML declaration). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The SVG drawn into a PNG at `scale` times its size (white background). */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || 800;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || 400;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('this browser cannot draw on a canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('the image could not be made')) : resolve(b)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Buttons that download a chart as SVG and as PNG. `svg` makes the chart's SVG when asked (a
 * chart drawn in HTML gives an SVG drawing of the same numbers).
 */
export function chartExport(name: string, title: string, svg: () => SVGSVGElement): HTMLElement {
  const asSvg = h('button', { type: 'button', class: 'export-svg', text: 'SVG', title: `Download “${title}” as SVG` });
  const asPng = h('button', { type: 'button', class: 'export-png', text: 'PNG', title: `Download “${title}” as PNG` });
  asSvg.addEventListener('click', () => downloadFile(`${name}.svg`, 'image/svg+xml', svgText(svg())));
  asPng.addEventListener('click', () => {
    void pngBlob(svg()).then((b) => downloadFile(`${name}.png`, 'image/png', b));
  });
  return h('div', { class: 'chart-export', role: 'group', 'aria-label': `Download ${title}` }, asSvg, asPng);
}
