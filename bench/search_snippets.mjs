// The search page's top snippet on title and body queries: does it mark a query word?
// usage (from a folder with playwright-core installed, such as the search harness's copy):
//   node search_snippets.mjs URL QUERIES.json [N]
// URL is the search page (http://127.0.0.1:PORT/search/), QUERIES a make_queries.py set; N queries
// of each type (title, body) spread evenly over the set, default 50. Prints one JSON line per type.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [url, file, n = '50'] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(file, 'utf8')).queries;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext()).newPage();
for (const type of ['title', 'body']) {
  const all = queries.filter((q) => q.type === type);
  const picked = Array.from({ length: Math.min(+n, all.length) }, (_, i) => all[Math.floor(i * all.length / +n)]);
  let marked = 0, answered = 0;
  const misses = [];
  for (const q of picked) {
    await page.goto(url + '?q=' + encodeURIComponent(q.q));
    await page.waitForFunction((q) => document.getElementById('search-status').dataset.query === q, q.q);
    const top = page.locator('#search-results li p.summary').first();
    if (!(await top.count())) continue;
    answered++;
    // The lead shows first and the passage replaces it once its excerpt is loaded.
    const found = await page.waitForFunction(() => {
      const p = document.querySelector('#search-results li p.summary');
      return p && p.querySelector('mark') ? true : null;
    }, null, { timeout: 1500 }).then(() => true, () => false);
    if (found) marked++;
    else misses.push([q.q, await top.textContent()]);
  }
  console.log(JSON.stringify({ type, queries: picked.length, answered, top_snippet_marked: marked, misses: misses.slice(0, 5) }));
}
await browser.close();
