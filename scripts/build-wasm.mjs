// Assembles the hand-written WebAssembly text of the sparse kernels (src/sparse/product/*.wat) and writes
// each binary, base64-encoded, into a TypeScript module beside it (csr-kernels.wat →
// csr-kernels-wasm.ts), so that the compiled package needs no file next to it and no assembler at
// run time. The generated modules are committed; test/sparse/product/wasm-kernels.test.ts fails when one is
// stale. `node scripts/build-wasm.mjs --check` only reports stale modules (exit code 1).
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const folder = fileURLToPath(new URL('../src/sparse/product/', import.meta.url));
const check = process.argv.includes('--check');
const wabt = await wabtInit();
let stale = 0;
for (const name of readdirSync(folder).filter((f) => f.endsWith('.wat')).sort()) {
  const text = readFileSync(folder + name, 'utf8');
  const features = { simd: true, threads: true, bulk_memory: true };
  const module = wabt.parseWat(name, text, features);
  module.validate(features);
  const { buffer } = module.toBinary({});
  module.destroy();
  const base = name.slice(0, -'.wat'.length);
  const constant = base.replace(/-(\w)/g, (_, c) => c.toUpperCase()) + 'Wasm';
  const source =
    `// Generated from ${name} by scripts/build-wasm.mjs (run by npm run build): do not edit.\n` +
    `/** The assembled module, base64-encoded (${buffer.length} bytes). */\n` +
    `export const ${constant} =\n  '${Buffer.from(buffer).toString('base64')}';\n`;
  const target = `${folder}${base}-wasm.ts`;
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // not generated yet
  }
  if (current === source) continue;
  if (check) {
    console.error(`${base}-wasm.ts is stale: run node scripts/build-wasm.mjs`);
    stale++;
  } else {
    writeFileSync(target, source);
  }
}
if (stale > 0) process.exit(1);
