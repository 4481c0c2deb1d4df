import type { ColumnChunk } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';

/** Bytes of a file by range, read into memory the caller may reuse (valid until the next call). */
export type ReadRange = (start: number, end: number) => Uint8Array;

/**
 * Reads one column chunk of a row group straight into `target` (from index 0) when every page is
 * PLAIN, uncompressed and without definition or repetition levels — what the format's writer
 * writes: the values are then the page's bytes, copied once (no decoding, whatever their
 * alignment). Returns false, having written nothing of use, for any other chunk (dictionary,
 * compression, nulls, another page type), which the caller reads through hyparquet instead.
 */
export function readPlainChunk(read: ReadRange, chunk: ColumnChunk, required: boolean, target: Int32Array | Float64Array, rows: number): boolean {
  const meta = chunk.meta_data;
  if (meta === undefined || meta.codec !== 'UNCOMPRESSED' || meta.dictionary_page_offset !== undefined) return false;
  const width = target.BYTES_PER_ELEMENT;
  const start = Number(meta.data_page_offset);
  const bytes = read(start, start + Number(meta.total_compressed_size));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const into = new Uint8Array(target.buffer, target.byteOffset, rows * width);
  const reader = { view, offset: 0 };
  let done = 0;
  while (reader.offset < bytes.byteLength && done < rows) {
    const header = parquetHeader(reader);
    const size = header.compressed_page_size;
    let count: number;
    let skip = 0;
    if (header.type === 'DATA_PAGE_V2') {
      const h = header.data_page_header_v2;
      if (h === undefined || h.encoding !== 'PLAIN' || h.num_nulls !== 0 || h.repetition_levels_byte_length !== 0) return false;
      count = h.num_values;
      skip = h.definition_levels_byte_length;
    } else if (header.type === 'DATA_PAGE') {
      const h = header.data_page_header;
      if (h === undefined || h.encoding !== 'PLAIN' || !required) return false;
      count = h.num_values;
    } else return false;
    if (skip !== 0 || count * width !== size || done + count > rows || reader.offset + size > bytes.byteLength) return false;
    into.set(bytes.subarray(reader.offset, reader.offset + size), done * width);
    done += count;
    reader.offset += size;
  }
  return done === rows;
}

/**
 * Reads one BYTE_ARRAY column chunk of text straight into `target` (from index 0) when every page
 * is PLAIN, uncompressed and without levels: each value's bytes decoded to a string directly (as
 * Latin-1 where a page is all ASCII, else UTF-8), with no intermediate object per value. Returns
 * false for any other chunk, which the caller reads through hyparquet instead.
 */
export function readPlainStrings(read: ReadRange, chunk: ColumnChunk, required: boolean, target: (string | null)[], rows: number): boolean {
  const meta = chunk.meta_data;
  if (meta === undefined || meta.codec !== 'UNCOMPRESSED' || meta.dictionary_page_offset !== undefined || meta.type !== 'BYTE_ARRAY') return false;
  const start = Number(meta.data_page_offset);
  const raw = read(start, start + Number(meta.total_compressed_size));
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  let done = 0;
  while (reader.offset < bytes.byteLength && done < rows) {
    const header = parquetHeader(reader);
    const size = header.compressed_page_size;
    let count: number;
    if (header.type === 'DATA_PAGE_V2') {
      const h = header.data_page_header_v2;
      if (h === undefined || h.encoding !== 'PLAIN' || h.num_nulls !== 0 || h.repetition_levels_byte_length !== 0 || h.definition_levels_byte_length !== 0) return false;
      count = h.num_values;
    } else if (header.type === 'DATA_PAGE') {
      const h = header.data_page_header;
      if (h === undefined || h.encoding !== 'PLAIN' || !required) return false;
      count = h.num_values;
    } else return false;
    const end = reader.offset + size;
    if (done + count > rows || end > bytes.byteLength) return false;
    let ascii = true;
    for (let b = reader.offset; b < end && ascii; b++) if (bytes[b] > 0x7f) ascii = false;
    const encoding = ascii ? 'latin1' : 'utf8';
    let at = reader.offset;
    // A value whose bytes are the previous value's is that value's string (a unit repeated on
    // every row is then one string, not one per row).
    let last = '';
    let lastAt = -1;
    let lastLength = -1;
    for (let k = 0; k < count; k++) {
      if (at + 4 > end) return false;
      const length = view.getUint32(at, true);
      at += 4;
      if (at + length > end) return false;
      if (length !== lastLength || !sameBytes(bytes, lastAt, at, length)) {
        last = bytes.toString(encoding, at, at + length);
        lastLength = length;
      }
      lastAt = at;
      target[done + k] = last;
      at += length;
    }
    if (at !== end) return false;
    done += count;
    reader.offset = end;
  }
  return done === rows;
}

/** Whether the `length` bytes at `a` and at `b` are the same (false when `a` is negative). */
function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  if (a < 0) return false;
  for (let k = length - 1; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
