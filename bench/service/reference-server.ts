import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The reference of the service benchmark: the least a server can do to take reports durably.
 * Fastify and better-sqlite3 (WAL, synchronous FULL, one transaction per report, as the service),
 * the same idempotent contract for `POST /api/reports` (201 first, 200 on a retry with the same
 * body, 409 with a different one), but no validation, no tokens, no model, no alerts.
 *
 *   node dist/bench/service/reference-server.js --port 0 --data DIR
 *
 * Its first stdout line is `listening on http://127.0.0.1:PORT`, like `plenty serve`.
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dataDir = arg('data', 'data');
const port = Number(arg('port', '0'));
const synchronous = arg('synchronous', 'FULL');

mkdirSync(dataDir, { recursive: true });
const db = new Database(join(dataDir, 'reference.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
db.exec(`CREATE TABLE IF NOT EXISTS reports (
  report_id TEXT PRIMARY KEY,
  enterprise TEXT NOT NULL,
  period TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
)`);
const insert = db.prepare('INSERT INTO reports (report_id, enterprise, period, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING');
const byId = db.prepare<[string], { body: string }>('SELECT body FROM reports WHERE report_id = ?');
const all = db.prepare<[], { body: string }>('SELECT body FROM reports ORDER BY rowid');

interface ReportBody {
  reportId: string;
  enterprise: string;
  period: string | number;
}

const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
app.post('/api/reports', (request, reply) => {
  const report = request.body as ReportBody;
  const text = JSON.stringify(report);
  const changes = insert.run(report.reportId, report.enterprise, String(report.period), text, new Date().toISOString()).changes;
  if (changes === 1) return reply.code(201).send(report);
  const stored = byId.get(report.reportId);
  if (stored !== undefined && stored.body === text) return reply.code(200).send(report);
  return reply.code(409).send({ error: { code: 'conflict', message: `report ${report.reportId} exists with a different body` } });
});
app.get('/api/reports', (_request, reply) => {
  reply.header('content-type', 'application/json');
  return reply.send(`[${all.all().map((r) => r.body).join(',')}]`);
});

const address = await app.listen({ host: '127.0.0.1', port });
console.log(`listening on ${address}`);
const close = (): void => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
