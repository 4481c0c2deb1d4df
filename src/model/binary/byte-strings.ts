import type { FileMetaData } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import type { ParquetSource } from './parquet-source.js';

/**
 * A column of text kept as its UTF-8 bytes (one Uint8Array and the offsets of its values), each
 * value decoded to a string only when asked: at 10⁷ ids, strings and a record each would be 2·10⁷
 * heap objects, which the garbage collector copies and walks again and again while the rest of the
 * model is read (docs/binary-format.md, "Limits").
 */
export class ByteStrings {
  constructor(
    /** The values' bytes, one after the other. */
    readonly bytes: Uint8Array,
    /** Value i is bytes [offsets[i], offsets[i + 1]). */
    readonly offsets: Int32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  /** Value i as a string. */
  get(i: number): string {
    const start = this.offsets[i];
    const end = this.offsets[i + 1];
    const b = this.bytes;
    let ascii = true;
    for (let k = start; k < end; k++) {
      if (b[k] > 0x7f) {
        ascii = false;
        break;
      }
    }
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString(ascii ? 'latin1' : 'utf8', start, end);
  }
}

/**
 * Reads a BYTE_ARRAY column of a Parquet file as ByteStrings when every chunk is PLAIN,
 * uncompressed and without nulls or levels (as the format's writer writes ids); undefined for any
 * other column, which the caller reads as strings instead. The bytes are copied once from the
 * file's pages.
 */
export function readByteStrings(source: ParquetSource, metadata: FileMetaData, name: string): ByteStrings | undefined {
  const element = metadata.schema.find((s) => s.name === name && s.num_children === undefined);
  if (element === undefined || element.type !== 'BYTE_ARRAY' || element.repetition_type !== 'REQUIRED') return undefined;
  const rows = Number(metadata.num_rows);
  const offsets = new Int32Array(rows + 1);
  let bytes = new Uint8Array(0);
  let used = 0;
  let row = 0;
  for (const group of metadata.row_groups) {
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name);
    const meta = chunk?.meta_data;
    if (meta === undefined || meta.codec !== 'UNCOMPRESSED' || meta.dictionary_page_offset !== undefined) return undefined;
    const start = Number(meta.data_page_offset);
    const size = Number(meta.total_compressed_size);
    if (used + size > bytes.length) {
      const grown = new Uint8Array(Math.max(used + size, Math.min(2 ** 31 - 1, 2 * bytes.length)));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    const raw = source.read(start, start + size);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const reader = { view, offset: 0 };
    const groupEnd = row + Number(group.num_rows);
    while (reader.offset < raw.byteLength && row < groupEnd) {
      const header = parquetHeader(reader);
      let count: number;
      if (header.type === 'DATA_PAGE_V2') {
        const h = header.data_page_header_v2;
        if (h === undefined || h.encoding !== 'PLAIN' || h.num_nulls !== 0 || h.repetition_levels_byte_length !== 0 || h.definition_levels_byte_length !== 0) return undefined;
        count = h.num_values;
      } else if (header.type === 'DATA_PAGE') {
        const h = header.data_page_header;
        if (h === undefined || h.encoding !== 'PLAIN') return undefined;
        count = h.num_values;
      } else return undefined;
      const end = reader.offset + header.compressed_page_size;
      if (row + count > groupEnd || end > raw.byteLength) return undefined;
      let at = reader.offset;
      for (let k = 0; k < count; k++) {
        if (at + 4 > end) return undefined;
        const length = view.getUint32(at, true);
        at += 4;
        if (at + length > end) return undefined;
        for (let q = 0; q < length; q++) bytes[used + q] = raw[at + q];
        used += length;
        offsets[++row] = used;
        at += length;
      }
      if (at !== end) return undefined;
      reader.offset = end;
    }
    if (row !== groupEnd) return undefined;
  }
  if (row !== rows) return undefined;
  return new ByteStrings(bytes.subarray(0, used), offsets);
}
