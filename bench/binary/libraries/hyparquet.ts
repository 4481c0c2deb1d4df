import { join } from 'node:path';
import { importFrom, ROW_GROUP, type Dataset, type LibraryAdapter } from './types.js';

interface ColumnSource {
  readonly name: string;
  readonly data: Int32Array | Float64Array | readonly string[];
  readonly type: 'INT32' | 'DOUBLE' | 'STRING';
  readonly nullable: false;
}
interface HyparquetWriter {
  parquetWriteFile(options: { filename: string; columnData: readonly ColumnSource[]; codec: string; statistics: boolean; rowGroupSize: number }): void;
}
interface ColumnChunk {
  readonly columnName: string;
  readonly columnData: ArrayLike<unknown>;
  readonly rowStart: number;
}
interface Hyparquet {
  asyncBufferFromFile(path: string): Promise<unknown>;
  parquetRead(options: { file: unknown; columns?: string[]; onChunk(chunk: ColumnChunk): void }): Promise<void>;
}

/** hyparquet (reader) and hyparquet-writer: pure JavaScript, no native code. */
export function hyparquetAdapter(modules: string): LibraryAdapter {
  return {
    name: 'hyparquet',
    packages: ['hyparquet', 'hyparquet-writer'],
    async write(folder: string, data: Dataset): Promise<void> {
      const w = await importFrom<HyparquetWriter>(modules, 'hyparquet-writer');
      const t = data.triplets;
      const options = { codec: 'SNAPPY', statistics: false, rowGroupSize: ROW_GROUP };
      w.parquetWriteFile({
        filename: join(folder, 'coefficients.parquet'),
        ...options,
        columnData: [
          { name: 'product', data: t.product, type: 'INT32', nullable: false },
          { name: 'technique', data: t.technique, type: 'INT32', nullable: false },
          { name: 'amount', data: t.amount, type: 'DOUBLE', nullable: false },
        ],
      });
      w.parquetWriteFile({ filename: join(folder, 'ids.parquet'), ...options, columnData: [{ name: 'id', data: data.ids, type: 'STRING', nullable: false }] });
    },
    async read(folder: string, rows: number, products: number): Promise<Dataset> {
      const h = await importFrom<Hyparquet>(modules, 'hyparquet');
      const product = new Int32Array(rows);
      const technique = new Int32Array(rows);
      const amount = new Float64Array(rows);
      const into: Record<string, Int32Array | Float64Array> = { product, technique, amount };
      await h.parquetRead({
        file: await h.asyncBufferFromFile(join(folder, 'coefficients.parquet')),
        onChunk(chunk) {
          into[chunk.columnName].set(chunk.columnData as ArrayLike<number>, chunk.rowStart);
        },
      });
      const ids = new Array<string>(products);
      await h.parquetRead({
        file: await h.asyncBufferFromFile(join(folder, 'ids.parquet')),
        onChunk(chunk) {
          const d = chunk.columnData as ArrayLike<string>;
          for (let i = 0; i < d.length; i++) ids[chunk.rowStart + i] = d[i];
        },
      });
      return { triplets: { product, technique, amount }, ids };
    },
  };
}
