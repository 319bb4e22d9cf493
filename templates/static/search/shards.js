/* Index access: the manifest and the shards written by generator/search/shards.py, loaded
   from the folder the script's data-manifest names. Shards are classic scripts calling
   __NA_SHARD(name, data), so the search works from any static host and from file://.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var script = document.currentScript;
  var manifestUrl = script && script.getAttribute("data-manifest");
  var base = manifestUrl ? manifestUrl.replace(/m\/[^\/]*$/, "") : "";
  var shards = {};
  var pending = {};

  /* A term shard t/NAME.js holds [postings, positions] (search/shards.py _term_shard): the
     positions are kept as p/NAME.js, the name the code asks for them by. */
  window.__NA_SHARD = function (name, data) {
    if (name.slice(0, 2) === "t/") {
      shards["p/" + name.slice(2)] = data[1];
      data = data[0];
    }
    shards[name] = data;
  };

  /* A shard by name, loaded once by a <script> element. */
  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
    if (name.slice(0, 2) === "p/") {
      return load("t/" + name.slice(2)).then(function () { return shards[name]; });
    }
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = base + name;
        el.onload = function () {
          if (shards[name]) resolve(shards[name]);
          else reject(new Error("shard did not register: " + name));
        };
        el.onerror = function () {
          delete pending[name];
          reject(new Error("could not load " + name));
        };
        document.head.appendChild(el);
      });
    }
    return pending[name];
  }

  /* Shards loaded while the visitor reads: a few at a time, and none while a search runs, so
     that they never stand in a query's way (a browser opens about six connections to a host). */
  var IDLE_LOADS = 2;
  var wanted = [], idleRunning = 0, searching = 0;
  var whenIdle = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
  function pump() {
    while (!searching && idleRunning < IDLE_LOADS && wanted.length) {
      var name = wanted.shift();
      if (shards[name] || pending[name]) continue;
      idleRunning++;
      load(name).then(null, function () { /* a query loads it again if it needs it */ }).then(function () {
        idleRunning--;
        pump();  // at once: the reader is still reading, and a search that began holds it back
      });
    }
  }

  /* Load `names` in idle time, instead of whatever was asked before; nothing for a reader who asked
     the browser to save data, or whose connection the browser rates as slow (2G or 3G). */
  function prefetch(names) {
    var connection = navigator.connection;
    if (connection && (connection.saveData || /2g|3g/.test(connection.effectiveType || ""))) return;
    wanted = names.filter(function (name) { return !shards[name] && !pending[name]; });
    if (wanted.length) whenIdle(pump);
  }

  /* A search runs (`true`) or has answered (`false`): idle loading waits for none to run. */
  function searchRuns(on) {
    searching += on ? 1 : -1;
    if (!searching && wanted.length) whenIdle(pump);
  }

  /* ---- index access ---- */

  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var DIGIT = new Uint8Array(128);  // char code → digit, +32 for a number's last digit
  for (var d = 0; d < 32; d++) { DIGIT[LAST.charCodeAt(d)] = d + 32; DIGIT[MORE.charCodeAt(d)] = d; }

  function decode(text) {
    var out = new Int32Array(text.length), k = 0, n = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) { out[k++] = n * 32 + digit - 32; n = 0; } else n = n * 32 + digit;
    }
    return out.subarray(0, k);
  }

  /* The manifest runs the digests of a kind of shard together (search/shards.py _joined). */
  var DIGEST_CHARS = 10;
  function names(joined, folder) {
    var out = [];
    for (var i = 0; i < joined.length; i += DIGEST_CHARS) out.push(folder + joined.slice(i, i + DIGEST_CHARS) + ".js");
    return out;
  }

  var manifestPromise = null;
  function manifest() {
    if (!manifestPromise) {
      var name = manifestUrl.slice(base.length);
      manifestPromise = load(name).then(function (m) {
        m.termFiles = names(m.termFiles, "t/");
        m.docFiles = names(m.docFiles, "d/");
        m.reverseFiles = names(m.reverseFiles, "r/");
        m.stop = Object.create(null);
        Object.keys(m.stopwords).forEach(function (lang) {
          m.stopwords[lang].forEach(function (w) { m.stop[w] = true; });
        });
        return m;
      });
    }
    return manifestPromise;
  }

  /* The positions of a term shard's terms: loaded with them (__NA_SHARD). */
  function positionFile(m, i) { return "p/" + m.termFiles[i].slice(2); }

  function shardOf(m, term) {
    var lo = 0, hi = m.firstTerms.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.firstTerms[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Terms are keys of plain objects: "constructor" or "valueof" must not find Object's own. */
  function has(shard, term) { return !!shard && Object.prototype.hasOwnProperty.call(shard, term); }

  var postingCache = Object.create(null);
  var positionCache = Object.create(null);
  /* Map doc number → impact for one term; its `titled` set holds the docs with the term in their
     headline (a posting carries the impact doubled, plus 1 for the headline: scoring.posting_impact). */
  function postings(shard, term) {
    if (!postingCache[term]) {
      var map = new Map(), titled = new Set(), nums = decode(has(shard, term) ? shard[term] : ""), doc = 0;
      for (var i = 0; i + 1 < nums.length; i += 2) {
        doc += nums[i];
        map.set(doc, nums[i + 1] >> 1);
        if (nums[i + 1] & 1) titled.add(doc);
      }
      map.titled = titled;
      postingCache[term] = map;
    }
    return postingCache[term];
  }

  /* Positions of one term by doc number, from its position shard: the shard is decoded once, and
     a doc's positions only when asked for (a common word is in thousands of articles). */
  function positions(posShard, termShard, term) {
    if (positionCache[term]) return positionCache[term];
    var docs = Array.from(postings(termShard, term).keys());
    var nums = decode(has(posShard, term) ? posShard[term] : ""), starts = new Int32Array(docs.length), k = 0;
    for (var i = 0; i < docs.length; i++) { starts[i] = k; k += nums[k] + 1; }
    var index = new Map();
    docs.forEach(function (doc, i) { index.set(doc, i); });
    positionCache[term] = function (doc) {
      var i = index.get(doc);
      if (i === undefined) return null;
      var at = starts[i], places = [], p = 0;
      for (var j = 1; j <= nums[at]; j++) { p += nums[at + j]; places.push(p); }
      return places;
    };
    return positionCache[term];
  }

  S.base = base;
  S.has = has;
  S.load = load;
  S.manifest = manifest;
  S.positionFile = positionFile;
  S.positions = positions;
  S.prefetch = prefetch;
  S.searchRuns = searchRuns;
  S.postings = postings;
  S.shardOf = shardOf;
  S.shards = shards;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
