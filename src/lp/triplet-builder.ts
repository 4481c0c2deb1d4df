/** A growable list of (row, column, value) triplets over typed arrays, for building a CSR matrix. */
export class TripletBuilder {
  rows: Int32Array;
  cols: Int32Array;
  values: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.rows = new Int32Array(n);
    this.cols = new Int32Array(n);
    this.values = new Float64Array(n);
  }

  push(row: number, col: number, value: number): void {
    if (this.length === this.rows.length) this.grow();
    const k = this.length++;
    this.rows[k] = row;
    this.cols[k] = col;
    this.values[k] = value;
  }

  private grow(): void {
    const n = this.rows.length * 2;
    const rows = new Int32Array(n);
    const cols = new Int32Array(n);
    const values = new Float64Array(n);
    rows.set(this.rows);
    cols.set(this.cols);
    values.set(this.values);
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /** The filled parts (views, no copy). */
  views(): { rows: Int32Array; cols: Int32Array; values: Float64Array } {
    return { rows: this.rows.subarray(0, this.length), cols: this.cols.subarray(0, this.length), values: this.values.subarray(0, this.length) };
  }
}
