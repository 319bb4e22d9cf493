// The requests and rounds of requests each query of a fresh visit makes, as the search harness runs
// them: one browser profile, the queries one after another, each followed by 50 ms without a request.
// usage (from a folder with playwright-core installed, such as the search harness's copy):
//   node search_rounds.mjs URL QUERIES.json [N]
// URL is the search page (http://127.0.0.1:PORT/search/), QUERIES a make_queries.py set, of which the
// first N run (default 50). A query's requests are those that start before searchArchive answers; its
// rounds are 2 when it loads a document shard (d/, after its term shards), else 1 when it loads any.
// Requests made while the visitor reads (idle loading) are counted apart. Prints one JSON line per
// query, then one for queries 2 to N.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, file, n = '50'] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(file, 'utf8')).queries.slice(0, +n);
const profile = mkdtempSync(join(tmpdir(), 'search-rounds-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
let inflight = 0, last = Date.now();
context.on('request', () => { inflight++; last = Date.now(); });
context.on('requestfinished', () => { inflight--; last = Date.now(); });
context.on('requestfailed', () => { inflight--; last = Date.now(); });
async function settle() {
  while (inflight > 0 || Date.now() - last < 50) await new Promise((r) => setTimeout(r, 25));
}
const page = context.pages()[0];
await page.goto(url, { waitUntil: 'load' });
await page.waitForFunction(() => typeof window.searchArchive === 'function');
await page.evaluate(() => performance.setResourceTimingBufferSize(1e6));
await settle();
const kind = (entry) => entry.name.split('/search/')[1]?.[0] ?? '?';
const total = { queries: 0, two_rounds: 0, one_round: 0, none: 0, term: 0, doc: 0, most: 0, idle: 0 };
for (const [i, q] of queries.entries()) {
  const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
  const r = await page.evaluate(async (q) => {
    const t = performance.now();
    await window.searchArchive(q, { limit: 10 });
    return { t, end: performance.now() };
  }, q.q);
  await settle();
  const entries = await page.evaluate((from) => performance.getEntriesByType('resource').slice(from)
    .map((e) => ({ name: e.name, start: e.startTime })), before);
  const own = entries.filter((e) => e.start <= r.end);
  const count = (k) => own.filter((e) => kind(e) === k).length;
  const row = { i, q: q.q, ms: Math.round((r.end - r.t) * 10) / 10, term: count('t'), doc: count('d'),
    rounds: count('d') ? 2 : own.length ? 1 : 0, idle: entries.length - own.length };
  console.log(JSON.stringify(row));
  if (i === 0) continue;
  total.queries++;
  total[['none', 'one_round', 'two_rounds'][row.rounds]]++;
  total.term += row.term; total.doc += row.doc; total.idle += row.idle;
  total.most = Math.max(total.most, own.length);
}
console.log(JSON.stringify(total));
await context.close();
rmSync(profile, { recursive: true, force: true });
