import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the generated part of a section of the README, between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->`, keeping everything else (the prose). A section whose markers are
 * missing is appended at the end.
 */
export function replaceSections(path: string, sections: ReadonlyMap<string, string>): void {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  for (const [name, body] of sections) {
    const open = `<!-- bench:${name} -->`;
    const close = `<!-- /bench:${name} -->`;
    const block = `${open}\n${body.trim()}\n${close}`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start >= 0 && end > start) text = text.slice(0, start) + block + text.slice(end + close.length);
    else text = `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(path, text);
}
