import pg from 'pg';
import { median } from '../median.js';

/** What keeping the published plan current on every node costs, each way. */
export interface PublicationReadCost {
  /** Versioned read: the publication row read per report, one round trip (median, µs) on an idle pool. */
  readonly readMicros: number;
  /** How many such reads PostgreSQL answers per second from 8 connections at once. */
  readonly readsPerSecond: number;
  /** LISTEN/NOTIFY: from sending the publishing COMMIT to the other connection's notification (median and largest, ms). */
  readonly notifyMedianMs: number;
  readonly notifyMaxMs: number;
  readonly notifications: number;
}

const READ = { name: 'publication', text: 'SELECT plan_id, published_at FROM publication_cost WHERE slot = 1' };

/**
 * Measures the two ways an API node can keep its copy of the published plan right while other
 * nodes publish: reading the publication's row (the plan id, an immutable version) with every
 * report — one round trip each — or keeping it in memory and dropping it on a NOTIFY sent in the
 * publishing transaction — nothing per report, but a node answers from the old plan until the
 * notification arrives. On its own table in `url`'s database.
 */
export async function publicationReadCost(url: string, seconds = 3): Promise<PublicationReadCost> {
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query('CREATE TABLE IF NOT EXISTS publication_cost (slot smallint PRIMARY KEY, plan_id bigint NOT NULL, published_at timestamptz NOT NULL)');
    await a.query('INSERT INTO publication_cost VALUES (1, 1, now()) ON CONFLICT (slot) DO NOTHING');

    // One read after another on one connection: the round trip a report pays.
    const one: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const t0 = process.hrtime.bigint();
      await a.query(READ);
      one.push(Number(process.hrtime.bigint() - t0) / 1e3);
    }

    // Throughput from 8 connections.
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    let reads = 0;
    const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const c = await pool.connect();
        try {
          while (process.hrtime.bigint() < until) {
            await c.query(READ);
            reads++;
          }
        } finally {
          c.release();
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    await pool.end();

    // LISTEN/NOTIFY: publish on `a` with a NOTIFY in the same transaction; `b` listens.
    await b.query('LISTEN plenty_publication');
    const delays: number[] = [];
    for (let k = 0; k < 200; k++) {
      const heard = new Promise<bigint>((resolve) => b.once('notification', () => resolve(process.hrtime.bigint())));
      await a.query('BEGIN');
      await a.query('UPDATE publication_cost SET plan_id = plan_id + 1, published_at = now() WHERE slot = 1');
      await a.query("NOTIFY plenty_publication, 'published'");
      const committing = process.hrtime.bigint();
      await a.query('COMMIT');
      const at = await heard;
      delays.push(Number(at - committing) / 1e6);
    }
    await a.query('DROP TABLE publication_cost');
    return {
      readMicros: median(one),
      readsPerSecond: reads / elapsed,
      notifyMedianMs: median(delays),
      notifyMaxMs: Math.max(...delays),
      notifications: delays.length,
    };
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}
