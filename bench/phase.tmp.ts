import dc from 'node:diagnostics_channel';
import pg from 'pg';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/http/app.ts';
import { openFresh } from './lib/national-db.ts';
import { signedIn } from './lib/session.ts';
import { computeStats } from '../server/modules/stats/stats.service.ts';

let tw = 0, tr = 0, ti = 0;
const W = (net.Socket.prototype as any)._writev; (net.Socket.prototype as any)._writev = function (this: any, ...a: any[]) { if (q0 && !tw) tw = performance.now(); return W.apply(this, a); };
const W1 = (net.Socket.prototype as any)._write; (net.Socket.prototype as any)._write = function (this: any, ...a: any[]) { if (q0 && !tw) tw = performance.now(); return W1.apply(this, a); };
const E = net.Socket.prototype.emit; net.Socket.prototype.emit = function (this: any, ev: any, ...a: any[]) { if (ev === 'data' && tw && !tr) tr = performance.now(); return (E as any).call(this, ev, ...a); } as any;
let t1 = 0, t2 = 0, t3 = 0, q0 = 0, q1 = 0;
const ch = dc.tracingChannel('fastify.request.handler');
ch.subscribe({ start() { t1 = performance.now(); }, end() {}, asyncStart() { t2 = performance.now(); }, asyncEnd() { t3 = performance.now(); }, error() {} });
const poolQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...a: any[]) {
  q0 = performance.now(); tw = 0; tr = 0; setImmediate(() => { ti = performance.now(); });
  return ((poolQuery as any).apply(this, a) as Promise<unknown>).then((r) => { q1 = performance.now(); return r; });
} as any;
const { database } = await openFresh('postgres', { name: 'hoptac_bench_stats', reuse: true });
const { db } = database;
const app = await buildApp({ db, logLevel: 'silent', serveWeb: false });
const admin = await signedIn(app, db, 'admin');
const communes = (await db.execute<{ code: string }>(sql`select distinct commune_code as code from organizations where commune_code is not null order by 1 limit 64`)).rows.map((r) => r.code);
const N = 10000;
for (let k = 0; k < 3; k++) {
  const s = { toWrite: 0, idleAfter: 0, wire: 0, parse: 0, pre: 0, toQuery: 0, query: 0, afterQuery: 0, send: 0, post: 0, total: 0 };
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    if (process.env.DIRECT) { t1 = performance.now(); await computeStats(db, { area: communes[i % 64]!, period: '2024' }); t2 = t3 = performance.now(); } else await admin.get(`/api/v1/stats?area=${communes[i % 64]}&period=2024`);
    const t4 = performance.now();
    s.toWrite += tw - q0; s.idleAfter += ti - q0; s.wire += tr - tw; s.parse += q1 - tr; s.pre += t1 - t0; s.toQuery += q0 - t1; s.query += q1 - q0; s.afterQuery += t2 - q1; s.send += t3 - t2; s.post += t4 - t3; s.total += t4 - t0;
  }
  console.log(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, +(v / N * 1000).toFixed(1)])));
}
await app.close(); await database.close();
