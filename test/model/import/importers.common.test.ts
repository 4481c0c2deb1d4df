import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/model/errors.js';
import { importBinaryModel, importModel, importModelFolder, importers, ioTableToEconomy, tableOutput, tableProductIds, type ImporterKind } from '../../../src/model/import/index.js';
import { loadParquetEconomy, parquetToEconomy } from '../../../src/model/binary/index.js';
import { parseEconomy } from '../../../src/model/parse-economy.js';
import { serializeEconomy } from '../../../src/model/serialize-economy.js';
import { importerCases, importerInputs } from './tables.js';

/**
 * The checks every importer must pass on its fixture: consistent shapes, unique labels, x ≥ 0,
 * A = Z / x non-negative (column sums below 1 for tables in money), x > A x (productive), and an economy
 * from which x, A, S, Y, F_Y and population come back.
 */
for (const c of importerCases) {
  describe(`importer: ${c.name}`, async () => {
    const t = await c.load();
    const n = t.regions.length * t.sectors.length;
    const K = t.regions.length * t.categories.length;
    const x = tableOutput(t);

    test('shapes agree', () => {
      assert.ok(n > 0);
      assert.equal(t.Z.length, n * n);
      assert.equal(t.Y.length, n * K);
      if (t.x !== undefined) assert.equal(t.x.length, n);
      if (t.population !== undefined) assert.equal(t.population.length, t.regions.length);
      for (const e of t.extensions) {
        assert.equal(e.F.length, e.stressors.length * n, e.name);
        if (e.FY !== undefined) assert.equal(e.FY.length, e.stressors.length * K, e.name);
      }
      for (const v of t.Z) assert.ok(Number.isFinite(v));
      for (const v of t.Y) assert.ok(Number.isFinite(v));
    });

    test('labels are unique and non-empty', () => {
      for (const labels of [t.regions, t.sectors, t.categories, t.extensions.map((e) => e.name), ...t.extensions.map((e) => e.stressors.map((s) => s.id))]) {
        assert.equal(new Set(labels).size, labels.length, labels.join(', '));
        for (const l of labels) assert.notEqual(l, '');
      }
      assert.equal(new Set(tableProductIds(t)).size, n);
    });

    test(`x ≥ 0, A ≥ 0${c.monetary ? ' and every column sum of A below 1' : ''}`, () => {
      for (let j = 0; j < n; j++) {
        assert.ok(x[j] >= 0, `x[${j}] = ${x[j]}`);
        let col = 0;
        for (let i = 0; i < n; i++) {
          const a = x[j] === 0 ? 0 : t.Z[i * n + j] / x[j];
          assert.ok(a >= 0, `A[${i}][${j}] = ${a}`);
          col += a;
        }
        if (c.monetary) assert.ok(col < 1, `column ${j} of A sums to ${col}`);
      }
    });

    test('productive: x > A x, so the spectral radius of A is below 1', () => {
      for (let i = 0; i < n; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) if (x[j] !== 0) ax += (t.Z[i * n + j] / x[j]) * x[j];
        // A product without output (kept and masked, as pymrio does) is neither made nor used: its row and column of A are 0.
        assert.ok(x[i] > ax || (x[i] === 0 && ax === 0), `product ${i}: x = ${x[i]}, (A x) = ${ax}`);
      }
    });

    test('the economy keeps x, A, S, Y, F_Y and population', () => {
      const e = ioTableToEconomy(t);
      const ids = tableProductIds(t);
      const at = new Map(ids.map((id, i) => [id, i]));
      assert.equal(e.products.length, n);
      assert.equal(e.techniques.length, n);
      for (const p of e.products) assert.equal(p.unit, t.unit);
      // x from the plan
      const out = e.plan?.output ?? {};
      for (let i = 0; i < n; i++) assert.equal(out[ids[i]], x[i]);
      // Z = A diag(x) from the techniques, to rounding
      let worst = 0;
      for (const tech of e.techniques) {
        const j = at.get(tech.id) ?? -1;
        assert.deepEqual(tech.produces, { [tech.id]: 1 });
        for (let i = 0; i < n; i++) {
          const z = (tech.consumes[ids[i]] ?? 0) * x[j];
          const want = x[j] === 0 ? 0 : t.Z[i * n + j];
          worst = Math.max(worst, Math.abs(z - want) / Math.max(Math.abs(want), 1e-300));
        }
        // S = F / x
        for (const ext of t.extensions) {
          ext.stressors.forEach((s, k) => {
            const want = x[j] === 0 ? 0 : ext.F[k * n + j] / x[j];
            assert.equal(tech.uses[`${ext.name}/${s.id}`] ?? 0, want);
          });
        }
      }
      assert.ok(worst <= 1e-15 * 4, `Z recovered to ${worst}`);
      // Y from targets (and plan imports for negative entries)
      const Y = new Float64Array(n * K);
      const cat = new Map(t.categories.map((c2, k) => [c2, k]));
      const reg = new Map(t.regions.map((r, k) => [r, k]));
      for (const tg of e.targets) {
        assert.ok(tg.amount > 0);
        Y[(at.get(tg.product) ?? -1) * K + (reg.get(tg.region ?? '') ?? -1) * t.categories.length + (cat.get(tg.category ?? '') ?? -1)] += tg.amount;
      }
      for (let i = 0; i < n; i++) {
        let net = 0;
        let want = 0;
        for (let c2 = 0; c2 < K; c2++) {
          net += Y[i * K + c2];
          want += t.Y[i * K + c2];
          if (t.Y[i * K + c2] >= 0) assert.equal(Y[i * K + c2], t.Y[i * K + c2]);
        }
        net -= e.plan?.imports?.[ids[i]] ?? 0;
        assert.ok(Math.abs(net - want) <= 1e-12 * Math.max(1, Math.abs(want)), `net final demand of ${ids[i]}`);
      }
      // F_Y from direct use
      for (const ext of t.extensions) {
        if (ext.FY === undefined) continue;
        const FY = new Float64Array(ext.FY.length);
        const sIdx = new Map(ext.stressors.map((s, k) => [`${ext.name}/${s.id}`, k]));
        for (const d of e.directUse) {
          const s = sIdx.get(d.resource);
          if (s !== undefined) FY[s * K + (reg.get(d.region ?? '') ?? -1) * t.categories.length + (cat.get(d.category ?? '') ?? -1)] += d.amount;
        }
        assert.deepEqual(Array.from(FY), Array.from(ext.FY));
      }
      // population
      assert.deepEqual(e.regions.map((r) => r.population), t.regions.map((_, r) => t.population?.[r]));
      // resources without a limit
      for (const r of e.resources) assert.equal(r.available, undefined);
    });
  });
}

/** Errors about a whole file (missing, or a damaged archive): their place is the file. */
const WHOLE_FILE_CODES = new Set(['file-not-found', 'missing-file', 'invalid-archive']);

/**
 * The rule for every importer: what it writes always loads. Each input of every importer is
 * imported as `plenty import` does (importModel); either the model text, YAML and JSON, loads
 * with parseEconomy, or the import is an InputError located in the input (file, and a row and
 * column, a line, or a path).
 */
for (const kind of Object.keys(importers) as ImporterKind[]) {
  describe(`importer ${kind}: what it writes loads, or it says where the input is wrong`, () => {
    for (const input of importerInputs[kind]) {
      test(`${input.name}: ${input.expect}`, async () => {
        const dir = await mkdtemp(join(tmpdir(), 'plenty-importer-'));
        try {
          const written = await input.write(dir);
          const { path, options } = typeof written === 'string' ? { path: written, options: input.options } : { path: written.path, options: { ...input.options, ...written.options } };
          // The files read: the path, and a second file some importers take (sut: the use table).
          const files = [path, ...(options?.use === undefined ? [] : [options.use])];
          let json: string | undefined;
          for (const format of ['yaml', 'json'] as const) {
            let text: string | undefined;
            try {
              text = (await importModel(kind, path, { ...options, format })).text;
            } catch (err) {
              assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
              assert.notEqual(input.expect, 'loads', err.message);
              for (const issue of err.issues) {
                const loc = issue.location;
                // A file that is missing or damaged as a whole (a truncated zip) is placed by the file alone.
                const wholeFile = WHOLE_FILE_CODES.has(issue.code);
                const placed = wholeFile || (loc.row !== undefined && loc.tableColumn !== undefined) || loc.line !== undefined || (loc.path !== undefined && loc.path.length > 0);
                assert.ok(placed, `issue without a place: ${err.message}`);
                assert.ok(loc.file !== undefined && files.some((f) => loc.file?.startsWith(f) === true), `issue without the input file: ${err.message}`);
              }
              continue;
            }
            assert.notEqual(input.expect, 'refused', 'the import was expected to be refused');
            const economy = parseEconomy(text, { file: `model.${format}` });
            assert.ok(economy.products.length > 0);
            for (const p of economy.products) assert.notEqual(p.unit.trim(), '');
            for (const r of economy.resources) assert.notEqual(r.unit.trim(), '');
            if (format === 'json') json = text;
          }
          // The binary format (-o MODEL.parquet, written without a text): the same model, or refused as the text is.
          let bytes: Uint8Array | undefined;
          try {
            bytes = (await importBinaryModel(kind, path, options)).bytes;
          } catch (err) {
            assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
            assert.equal(json, undefined, `the binary import was refused where the text loads: ${err.message}`);
          }
          if (bytes !== undefined) {
            assert.ok(json !== undefined, 'the binary import loads where the text was refused');
            const fromBytes = await parquetToEconomy(bytes, 'model.parquet');
            assert.equal(serializeEconomy(fromBytes, 'json'), serializeEconomy(parseEconomy(json, { file: 'model.json' }), 'json'));
          }
          // A model folder (-o MODEL/; GLORIA read sparse, with no record per coefficient): the same model, or refused as the text is.
          const folder = join(dir, 'model-folder');
          let wrote = false;
          try {
            await importModelFolder(kind, path, folder, options);
            wrote = true;
          } catch (err) {
            assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
            assert.equal(json, undefined, `the folder import was refused where the text loads: ${err.message}`);
            await assert.rejects(stat(folder), 'a refused folder import leaves nothing behind');
          }
          if (wrote) {
            assert.ok(json !== undefined, 'the folder import loads where the text was refused');
            assert.equal(serializeEconomy(await loadParquetEconomy(folder), 'json'), serializeEconomy(parseEconomy(json, { file: 'model.json' }), 'json'));
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
