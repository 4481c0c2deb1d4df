import { join } from 'node:path';
import { importFrom, ROW_GROUP, type Dataset, type LibraryAdapter } from './types.js';

/** The parts of @duckdb/node-bindings used here (raw vectors, copied in and out as bytes). */
interface Bindings {
  vector_size(): number;
  data_chunk_get_vector(chunk: unknown, column: number): unknown;
  data_chunk_get_size(chunk: unknown): number;
  copy_data_to_vector(vector: unknown, targetByteOffset: number, source: ArrayBufferLike, sourceByteOffset: number, byteCount: number): void;
  vector_get_data(vector: unknown, byteCount: number): Uint8Array;
  vector_assign_string_element(vector: unknown, index: number, value: string): void;
  result_chunk_count(result: unknown): number;
  result_get_chunk(result: unknown, index: number): unknown;
}
interface DataChunk {
  readonly chunk: unknown;
  rowCount: number;
  getColumnValues(column: number): unknown[];
}
interface Result {
  readonly result: unknown;
  fetchChunk(): Promise<DataChunk | null>;
}
interface TableFunctionInfo {
  readonly initData: unknown;
  setInitData(data: unknown): void;
  addResultColumn(name: string, type: unknown): void;
}
interface Connection {
  run(sql: string): Promise<Result>;
  stream(sql: string): Promise<Result>;
  registerTableFunction(f: unknown): void;
  closeSync(): void;
}
interface NodeApi {
  DuckDBInstance: { create(path: string, options: Record<string, string>): Promise<{ connect(): Promise<Connection>; closeSync(): void }> };
  DuckDBTableFunction: {
    create(spec: {
      name: string;
      parameterTypes: unknown[];
      bindFunction(info: TableFunctionInfo): void;
      initFunction(info: TableFunctionInfo): void;
      mainFunction(info: TableFunctionInfo, output: DataChunk): void;
    }): unknown;
  };
  INTEGER: unknown;
  DOUBLE: unknown;
  VARCHAR: unknown;
}

type Column = Int32Array | Float64Array;

/**
 * DuckDB's Node API (@duckdb/node-api, native). Writes by a table function that hands DuckDB one
 * chunk of 2,048 rows at a time, copied byte for byte from the typed arrays, under
 * `COPY (SELECT …) TO … (FORMAT parquet)`; reads with `read_parquet`, copying each chunk's
 * vectors out as bytes. `materialized`: the result is held whole in DuckDB and its chunks are
 * fetched synchronously (faster, but the data sits twice in memory); else it is streamed.
 */
export function duckdbAdapter(modules: string, materialized: boolean): LibraryAdapter {
  const open = async (): Promise<{ api: NodeApi; b: Bindings; con: Connection; close(): void }> => {
    const api = await importFrom<NodeApi>(modules, '@duckdb/node-api');
    const b = (await importFrom<{ default: Bindings }>(modules, '@duckdb/node-bindings')).default;
    const instance = await api.DuckDBInstance.create(':memory:', {});
    const con = await instance.connect();
    return { api, b, con, close: () => (con.closeSync(), instance.closeSync()) };
  };
  return {
    name: materialized ? 'duckdb (materialized result)' : 'duckdb (streamed result)',
    packages: ['@duckdb/node-api'],
    async write(folder: string, data: Dataset): Promise<void> {
      const { api, b, con, close } = await open();
      const size = b.vector_size();
      const t = data.triplets;
      const rows = t.amount.length;
      const columns: readonly (readonly [string, Column, unknown])[] = [
        ['product', t.product, api.INTEGER],
        ['technique', t.technique, api.INTEGER],
        ['amount', t.amount, api.DOUBLE],
      ];
      const register = (name: string, count: number, fill: (output: DataChunk, start: number, n: number) => void, types: readonly (readonly [string, unknown])[]): void =>
        con.registerTableFunction(
          api.DuckDBTableFunction.create({
            name,
            parameterTypes: [],
            bindFunction: (info) => types.forEach(([column, type]) => info.addResultColumn(column, type)),
            initFunction: (info) => info.setInitData({ next: 0 }),
            mainFunction: (info, output) => {
              const state = info.initData as { next: number };
              const n = Math.min(size, count - state.next);
              output.rowCount = n;
              if (n > 0) fill(output, state.next, n);
              state.next += n;
            },
          }),
        );
      register(
        'triplets',
        rows,
        (output, start, n) =>
          columns.forEach(([, a], k) => {
            const w = a.BYTES_PER_ELEMENT;
            b.copy_data_to_vector(b.data_chunk_get_vector(output.chunk, k), 0, a.buffer, a.byteOffset + start * w, n * w);
          }),
        columns.map(([name, , type]) => [name, type] as const),
      );
      register(
        'ids',
        data.ids.length,
        (output, start, n) => {
          const v = b.data_chunk_get_vector(output.chunk, 0);
          for (let i = 0; i < n; i++) b.vector_assign_string_element(v, i, data.ids[start + i]);
        },
        [['id', api.VARCHAR]],
      );
      const options = `(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP})`;
      await con.run(`COPY (SELECT * FROM triplets()) TO '${join(folder, 'coefficients.parquet')}' ${options}`);
      await con.run(`COPY (SELECT * FROM ids()) TO '${join(folder, 'ids.parquet')}' ${options}`);
      close();
    },
    async read(folder: string, rows: number, products: number): Promise<Dataset> {
      const { b, con, close } = await open();
      const product = new Int32Array(rows);
      const technique = new Int32Array(rows);
      const amount = new Float64Array(rows);
      const into: readonly Column[] = [product, technique, amount];
      let at = 0;
      const take = (chunk: unknown): void => {
        const n = b.data_chunk_get_size(chunk);
        into.forEach((a, k) => {
          const bytes = b.vector_get_data(b.data_chunk_get_vector(chunk, k), n * a.BYTES_PER_ELEMENT);
          new Uint8Array(a.buffer, a.byteOffset + at * a.BYTES_PER_ELEMENT, n * a.BYTES_PER_ELEMENT).set(bytes);
        });
        at += n;
      };
      const sql = `SELECT product, technique, amount FROM read_parquet('${join(folder, 'coefficients.parquet')}')`;
      if (materialized) {
        const result = (await con.run(sql)).result;
        const chunks = b.result_chunk_count(result);
        for (let k = 0; k < chunks; k++) take(b.result_get_chunk(result, k));
      } else {
        const result = await con.stream(sql);
        for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) take(chunk.chunk);
      }
      if (at !== rows) throw new Error(`duckdb: read ${at} of ${rows} rows`);
      const ids = new Array<string>(products);
      let i = 0;
      const result = await con.stream(`SELECT id FROM read_parquet('${join(folder, 'ids.parquet')}')`);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (const id of chunk.getColumnValues(0)) ids[i++] = id as string;
      }
      close();
      return { triplets: { product, technique, amount }, ids };
    },
  };
}
