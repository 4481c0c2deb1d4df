import { createWriteStream, openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { importFrom, ROW_GROUP, type Dataset, type LibraryAdapter } from './types.js';

interface ArrowData {
  readonly length: number;
  readonly values: ArrayLike<number>;
}
interface ArrowVector {
  readonly data: readonly ArrowData[];
  toArray(): ArrayLike<unknown>;
}
interface ArrowTable {
  readonly numRows: number;
  getChild(name: string): ArrowVector | null;
}
interface Arrow {
  Table: new (columns: Record<string, unknown>) => ArrowTable;
  makeVector(data: Int32Array | Float64Array): unknown;
  vectorFromArray(data: readonly string[], type: unknown): unknown;
  Utf8: new () => unknown;
  tableToIPC(table: ArrowTable, format: 'stream'): Uint8Array;
  tableFromIPC(bytes: Uint8Array): ArrowTable;
}
interface WasmRecordBatch {
  intoIPCStream(): Uint8Array;
}
interface ParquetWasm {
  Table: { fromIPCStream(bytes: Uint8Array): { recordBatches(): WasmRecordBatch[] } };
  WriterPropertiesBuilder: new () => { setCompression(c: unknown): { setMaxRowGroupSize(n: number): { build(): unknown } } };
  Compression: { SNAPPY: unknown };
  transformParquetStream(batches: ReadableStream, properties: unknown): Promise<ReadableStream<Uint8Array>>;
  ParquetFile: { fromFile(blob: Blob): Promise<{ stream(options: { batchSize: number }): Promise<ReadableStream<WasmRecordBatch>> }> };
}

/**
 * parquet-wasm (Rust's parquet crate in WebAssembly) with apache-arrow for the tables: record
 * batches of 2²⁰ rows go through Arrow IPC into the wasm memory and out as Parquet bytes (streamed,
 * as the 4 GB wasm memory cannot hold the whole file); reading streams record batches back through
 * IPC into Arrow JS and copies their value buffers.
 */
export function parquetWasmAdapter(modules: string): LibraryAdapter {
  const load = async (): Promise<{ pw: ParquetWasm; arrow: Arrow }> => ({
    pw: await importFrom<ParquetWasm>(modules, 'parquet-wasm'),
    arrow: await importFrom<Arrow>(modules, 'apache-arrow'),
  });
  return {
    name: 'parquet-wasm + apache-arrow',
    packages: ['parquet-wasm', 'apache-arrow'],
    async write(folder: string, data: Dataset): Promise<void> {
      const { pw, arrow } = await load();
      const write = async (file: string, rows: number, batch: (start: number, end: number) => ArrowTable): Promise<void> => {
        let start = 0;
        const batches = new ReadableStream({
          pull(controller): void {
            if (start >= rows) return controller.close();
            const end = Math.min(rows, start + ROW_GROUP);
            for (const b of pw.Table.fromIPCStream(arrow.tableToIPC(batch(start, end), 'stream')).recordBatches()) controller.enqueue(b);
            start = end;
          },
        });
        const properties = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).setMaxRowGroupSize(ROW_GROUP).build();
        await (await pw.transformParquetStream(batches, properties)).pipeTo(Writable.toWeb(createWriteStream(file)) as WritableStream<Uint8Array>);
      };
      const t = data.triplets;
      await write(join(folder, 'coefficients.parquet'), t.amount.length, (s, e) =>
        new arrow.Table({ product: arrow.makeVector(t.product.subarray(s, e)), technique: arrow.makeVector(t.technique.subarray(s, e)), amount: arrow.makeVector(t.amount.subarray(s, e)) }),
      );
      await write(join(folder, 'ids.parquet'), data.ids.length, (s, e) => new arrow.Table({ id: arrow.vectorFromArray(data.ids.slice(s, e), new arrow.Utf8()) }));
    },
    async read(folder: string, rows: number, products: number): Promise<Dataset> {
      const { pw, arrow } = await load();
      const batches = async function* (file: string): AsyncGenerator<ArrowTable> {
        const parquet = await pw.ParquetFile.fromFile(await openAsBlob(file));
        const stream = await parquet.stream({ batchSize: ROW_GROUP });
        const reader = stream.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) yield arrow.tableFromIPC(r.value.intoIPCStream());
      };
      const product = new Int32Array(rows);
      const technique = new Int32Array(rows);
      const amount = new Float64Array(rows);
      let at = 0;
      for await (const table of batches(join(folder, 'coefficients.parquet'))) {
        for (const [name, into] of [['product', product], ['technique', technique], ['amount', amount]] as const) {
          let k = at;
          for (const d of table.getChild(name)?.data ?? []) {
            into.set((d.values as Int32Array | Float64Array).subarray(0, d.length), k);
            k += d.length;
          }
        }
        at += table.numRows;
      }
      const ids = new Array<string>(products);
      let i = 0;
      for await (const table of batches(join(folder, 'ids.parquet'))) {
        const column = table.getChild('id')?.toArray() ?? [];
        for (let k = 0; k < column.length; k++) ids[i++] = column[k] as string;
      }
      return { triplets: { product, technique, amount }, ids };
    },
  };
}
