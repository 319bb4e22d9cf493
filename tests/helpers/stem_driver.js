// Stems words with the generated JavaScript stemmers, as a page would load them.
// usage: node stem_driver.js STEM_DIR < {"<algorithm>": [word, ...], ...}  → {"<algorithm>": [stem, ...], ...}
// base.js and then each language file run as plain scripts in the global scope, like <script> tags.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const dir = process.argv[2];
const load = (name) => vm.runInThisContext(fs.readFileSync(path.join(dir, name), "utf8"), { filename: name });
const words = JSON.parse(fs.readFileSync(0, "utf8"));
load("base.js");
const stems = {};
for (const algorithm of Object.keys(words)) {
  load(`${algorithm}.js`);
  const stem = globalThis.__NA_STEM[algorithm];
  if (typeof stem !== "function") throw new Error(`${algorithm}.js registered no stemmer`);
  stems[algorithm] = words[algorithm].map(stem);
}
process.stdout.write(JSON.stringify(stems));
