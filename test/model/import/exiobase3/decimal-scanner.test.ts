import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DecimalScanner } from '../../../../src/model/import/exiobase3/decimal-scanner.js';
import { seededRandom } from '../../../helpers/random.js';

const scanner = new DecimalScanner();

/** What the scanner reads from `text` (followed by a tab), and where it stops. */
function scan(text: string): { value: number; end: number } {
  const bytes = Buffer.from(`${text}\t`, 'latin1');
  const end = scanner.scan(bytes, 0, bytes.length);
  return { value: scanner.value, end };
}

/** Asserts that the scanner reads `text` exactly as Number does (the same double, bit for bit). */
function same(text: string): void {
  const { value, end } = scan(text);
  assert.equal(end, text.length, `${text}: stops at ${end}`);
  assert.ok(Object.is(value, Number(text)) || (value === 0 && Number(text) === 0), `${text}: ${value} where Number gives ${Number(text)}`);
}

describe('decimal numbers read from bytes', () => {
  test('the forms pandas and people write', () => {
    for (const t of ['0', '0.0', '-0.0', '12', '-12', '+12', '1.5', '.5', '3.', '1e3', '1E3', '1.2e+06', '9.56827080956e-06', '0.0990875448681', '58180.65', '123456789012345678', '1e-300', '4.9e-324', '1.7976931348623157e308', '2e30']) same(t);
  });

  test('random doubles written as JavaScript and Python write them (shortest round trip, 17 digits, fixed) read back exactly', () => {
    const rand = seededRandom(20261207);
    for (let k = 0; k < 200_000; k++) {
      const mag = 10 ** Math.floor(rand() * 50 - 30);
      const v = rand() * mag;
      same(String(v));
      same(v.toPrecision(17));
      same(v.toExponential(16));
      if (v > 1e-6 && v < 1e15) same(v.toFixed(Math.min(20, 6 + Math.floor(rand() * 14))));
    }
  });

  test('random decimal strings of 15 to 25 digits, including halfway cases, read as Number reads them', () => {
    const rand = seededRandom(7);
    for (let k = 0; k < 200_000; k++) {
      const digits = 15 + Math.floor(rand() * 11);
      let m = String(1 + Math.floor(rand() * 9));
      for (let d = 1; d < digits; d++) m += String(Math.floor(rand() * 10));
      const e = Math.floor(rand() * 80) - 60;
      same(`${m}e${e}`);
      same(`${m.slice(0, 1)}.${m.slice(1)}e${e}`);
    }
    // Exact halfway points between two doubles (ties to even) and their neighbours.
    for (let k = 0; k < 20_000; k++) {
      const x = rand() * 2 ** (Math.floor(rand() * 60) - 30);
      const next = x + x * Number.EPSILON;
      const mid = (BigInt(Math.round(x * 2 ** 80)) + BigInt(Math.round(next * 2 ** 80))) / 2n;
      // x·2^80 rounded: a nearby decimal with many digits; exercises the fallback near ties.
      const text = `${mid.toString()}e-${Math.round(80 * Math.log10(2))}`;
      same(text);
    }
  });

  test('what is not a number: no digits, a lone sign or exponent', () => {
    for (const t of ['', '-', '+', '.', 'e5', '-.e1', 'abc', 'NaN', 'inf']) assert.equal(scan(t).end, -1, t);
    for (const t of ['1e', '1e+', '2.5E-']) assert.equal(scan(t).end, -1, t);
    // The scan stops where the number stops; the caller checks what follows.
    assert.equal(scan('1,5').end, 1);
    assert.equal(scan('12abc').end, 2);
  });
});
