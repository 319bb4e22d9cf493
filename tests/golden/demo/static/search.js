/* newsarchive search: queries the index shards written by generator/search/shards.py.
   Shards are classic scripts calling __NA_SHARD(name, data), so this works from any static host
   and from file://. fold, words and termOf repeat generator/search/text.py exactly; the stemmers
   are static/stem/*.js, loaded by the search page before this script. */
(function () {
  "use strict";

  var script = document.currentScript;
  var manifestUrl = script && script.getAttribute("data-manifest");
  var base = manifestUrl ? manifestUrl.replace(/m\/[^\/]*$/, "") : "";
  var shards = {};
  var pending = {};

  window.__NA_SHARD = function (name, data) {
    shards[name] = data;
  };

  /* A shard by name, loaded once by a <script> element. */
  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
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

  /* ---- text: fold, words (search/text.py) ---- */

  var UMLAUTS = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss" };

  function fold(text) {
    text = text.toLowerCase();
    if (/^[\x00-\x7f]*$/.test(text)) return text;
    text = text.normalize("NFC").replace(/[äöüß]/g, function (c) { return UMLAUTS[c]; });
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
  }

  /* Letters, digits and marks, two or more; runs of Chinese, Japanese and Korean letters become
     their overlapping character pairs, a lone one stays a word. */
  var CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\\u{20000}-\\u{3134f}";
  var CJK_RUN = new RegExp("[" + CJK + "]", "u");
  var CJK_OR_NOT = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "gu");
  var WORD = /[\p{L}\p{N}\p{M}]{2,}/gu;

  function splitCjk(found, text) {
    if (!CJK_RUN.test(text)) return found;
    var out = [];
    found.forEach(function (word) {
      if (!CJK_RUN.test(word)) { out.push(word); return; }
      word.match(CJK_OR_NOT).forEach(function (piece) {
        if (CJK_RUN.test(piece)) {
          var chars = Array.from(piece);
          if (chars.length === 1) out.push(piece);
          for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
        } else if (Array.from(piece).length > 1) out.push(piece);
      });
    });
    return out;
  }

  function words(text) {
    var folded = fold(text);
    return splitCjk(folded.match(WORD) || [], folded);
  }

  /* The same words, lower case but not folded: what a stemmer that needs its accents reads. */
  function lowerWords(text) {
    text = text.toLowerCase().normalize("NFC");
    return splitCjk(text.match(WORD) || [], text);
  }

  /* ---- terms: a query word as the articles of one language are indexed (search/text.py) ---- */

  /* Stemmers come from static/stem/<algorithm>.js, generated from the Snowball algorithms; the
     manifest says per language [algorithm, whether it stems folded words]. */
  function stemmerOf(m, lang) {
    var s = m.stemmers && m.stemmers[lang], all = globalThis.__NA_STEM || {};
    return s && all[s[0]] ? { stem: all[s[0]], folded: s[1] } : null;
  }

  function termOf(m, lang, item) {
    var s = stemmerOf(m, lang);
    if (!s) return item.word;
    return s.folded ? s.stem(item.word) : fold(s.stem(item.raw));
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

  var manifestPromise = null;
  function manifest() {
    if (!manifestPromise) {
      var name = manifestUrl.slice(base.length);
      manifestPromise = load(name).then(function (m) {
        m.stop = Object.create(null);
        Object.keys(m.stopwords).forEach(function (lang) {
          m.stopwords[lang].forEach(function (w) { m.stop[w] = true; });
        });
        return m;
      });
    }
    return manifestPromise;
  }

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

  /* ---- queries ---- */

  /* Words, quoted phrases, excluded words (`-word`) and phrases (`-"a phrase"`), and whether the
     last word is still being typed. A minus counts only at the start of a word: `covid-19` is one
     word as ever. */
  function parse(query) {
    query = String(query).slice(0, 1000);
    if ((query.match(/"/g) || []).length % 2) {
      var lastQuote = query.lastIndexOf('"');  // an unmatched quote is ignored
      query = query.slice(0, lastQuote) + " " + query.slice(lastQuote + 1);
    }
    function part(text, phrase, exclude) {
      var folded = words(text), lower = lowerWords(text);
      return { phrase: phrase, exclude: exclude, words: folded, raw: lower.length === folded.length ? lower : folded };
    }
    var parts = [], segments = query.split('"');
    segments.forEach(function (text, i) {
      if (i % 2 === 1) {
        parts.push(part(text, true, /(^|\s)-$/.test(segments[i - 1])));
        return;
      }
      var kept = [];
      text.split(/(\s+)/).forEach(function (token) {
        if (/^-[^-]/.test(token)) {
          if (kept.length) parts.push(part(kept.join(""), false, false));
          kept = [];
          parts.push(part(token.slice(1), false, true));
        } else kept.push(token);
      });
      parts.push(part(kept.join(""), false, false));
    });
    parts = parts.filter(function (p) { return p.words.length; });
    var last = parts[parts.length - 1];
    var typing = /[\p{L}\p{N}]$/u.test(query) && !!last && !last.phrase && !last.exclude;
    return { parts: parts, typing: typing };
  }

  /* The terms a query word may be indexed under: one per language of the archive. */
  function variants(m, item) {
    var out = [];
    m.languages.forEach(function (lang) {
      var term = termOf(m, lang, item);
      if (out.indexOf(term) < 0) out.push(term);
    });
    return out;
  }

  /* The forms a word being typed may start an index term with: as folded, and, when the archive
     has German articles, with ae/oe/ue as a/o/u, since German Snowball reads them as umlauts and
     drops the dots (Mädchen, Maedchen → madch; not the ue of Quelle). */
  function prefixForms(m, word) {
    var forms = [word];
    var german = Object.keys(m.stemmers || {}).some(function (lang) { return m.stemmers[lang][0] === "german"; });
    if (german) {
      var plain = word.replace(/(q?)([aou])e/g, function (all, q, v) { return q && v === "u" ? all : q + v; });
      if (plain !== word) forms.push(plain);
    }
    return forms;
  }

  /* Term shards holding `terms`, and every term a word being typed may complete (or nearly equal),
     in any of its `prefixes` forms. */
  function shardsFor(m, terms, prefixes) {
    var need = {};
    terms.forEach(function (t) { need[shardOf(m, t)] = true; });
    (prefixes || []).forEach(function (prefix) {
      var from = prefix.length >= 4 ? prefix.slice(0, -2) : prefix;
      for (var i = shardOf(m, from); i <= shardOf(m, prefix + "\uffff"); i++) need[i] = true;
    });
    return Object.keys(need).map(Number);
  }

  var PREFIX_WEIGHT = 0.5;
  var MAX_PREFIX_TERMS = 60;
  /* The top results are re-ranked by their headline (titleBonus; in impact units: IMPACT_SCALE
     per BM25 point). */
  var RERANK = 10;
  var TITLE_CANDIDATES = 3;
  var TITLE_WORD_BONUS = 10;
  var TITLE_PAIR_BONUS = 10;
  var TITLE_COVER_BONUS = 200;
  var TITLE_TYPED_BONUS = 40;
  /* Among the PROXIMITY_CANDIDATES best, query words standing close together in an article, in the
     query's order, add a bonus: next to each other, or at most NEAR words apart, per pair of
     neighbouring query words; once more when all of them (three or more) follow each other so; and
     once more when those three or more stand in a row, the query found verbatim (for two words,
     ADJACENT_BONUS already says so). A reader who recalls a phrase of an article more likely
     recalls it from a short one, or from one that says it more than once: the verbatim bonus
     grows by PHRASE_DENSITY per doubling of (times found) / (length against the average) above 1.
     It never shrinks: in a long article the phrase is still the query found verbatim. */
  var PROXIMITY_CANDIDATES = 200;
  var NEAR = 3;
  var ADJACENT_BONUS = 60;
  var NEAR_BONUS = 30;
  var CHAIN_BONUS = 60;
  var PHRASE_BONUS = 100;
  var PHRASE_DENSITY = 60;

  /* All terms of the loaded shards that complete a word being typed: longest posting lists first. */
  function completions(m, loaded, prefixes, exact) {
    var found = [];
    function completes(t, prefix) {
      return t.indexOf(prefix) === 0 || (prefix.length >= 5 && prefix.indexOf(t) === 0 && t.length >= prefix.length - 2);
    }
    Object.keys(loaded).forEach(function (i) {
      Object.keys(loaded[i]).forEach(function (t) {
        if (prefixes.some(function (p) { return completes(t, p); }) && exact.indexOf(t) < 0 && t[0] !== "~") {
          found.push({ term: t, shard: loaded[i], size: loaded[i][t].length });
        }
      });
    });
    found.sort(function (a, b) { return b.size - a.size || (a.term < b.term ? -1 : 1); });
    return found.slice(0, MAX_PREFIX_TERMS);
  }

  /* ---- typos ---- */

  /* A query word found in no article (as typed, or with the completions of a word being typed),
     or any word when the query's words find no article together, also matches the index terms of
     the words one edit away (a letter dropped, added, replaced, or two swapped) and, for words of 8
     letters or more, the terms two edits away from its own in the shard already loaded; always
     below the words as typed. Most typos leave the first two or three letters alone, so their
     corrections sit in the term shard the query loads anyway; only when none is there are up to
     EXTRA_SHARDS more loaded: those most of the corrections after the first letter that drop a
     letter, swap two back or replace one by a keyboard neighbour fall into. A word found nowhere
     is also looked up by its end (nearTerms). */
  var TYPO_WEIGHT = 0.4;
  var MAX_TYPO_TERMS = 20;
  var EXTRA_SHARDS = 3;
  var NEAR_SHARDS = 4;
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz";
  /* Letters next to each other on a QWERTY keyboard: a mistyped letter is most often a neighbour. */
  var KEYS = {};
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"].forEach(function (row, r, rows) {
    row.split("").forEach(function (c, i) {
      var near = (row[i - 1] || "") + (row[i + 1] || "");
      if (rows[r - 1]) near += rows[r - 1].slice(i, i + 2);
      if (rows[r + 1]) near += rows[r + 1].slice(Math.max(0, i - 1), i + 1);
      KEYS[c] = near;
    });
  });

  function typoEligible(item) {
    return item.word.length >= 4 && !/\d/.test(item.word) && !CJK_RUN.test(item.word);
  }

  var typoCache = Object.create(null);
  /* The words one edit away from `word` with their index terms: [{word, terms, at}]; `at` is where
     the edit is when a letter is dropped, two swapped back or one replaced by a keyboard neighbour
     (corrections worth another round trip), -1 otherwise. */
  function oneEditAway(m, item) {
    var word = item.word;
    if (typoCache[word]) return typoCache[word];
    var letters = ALPHABET, own = variants(m, item), seen = Object.create(null), out = [];
    Array.from(new Set(word)).forEach(function (c) { if (letters.indexOf(c) < 0) letters += c; });
    function add(w, at) {
      if (w.length < 2 || seen[w] || w === word) return;
      seen[w] = true;
      var terms = variants(m, { word: w, raw: w }).filter(function (t) { return own.indexOf(t) < 0; });
      if (terms.length) out.push({ word: w, terms: terms, at: at });
    }
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i), near = KEYS[tail[0]] || "";
      if (tail) add(head + tail.slice(1), i);
      if (tail.length > 1) add(head + tail[1] + tail[0] + tail.slice(2), i);
      for (var k = 0; k < letters.length; k++) {
        if (tail) add(head + letters[k] + tail.slice(1), near.indexOf(letters[k]) >= 0 ? i : -1);
        add(head + letters[k] + tail, -1);
      }
    }
    typoCache[word] = out;
    return out;
  }

  /* Edit distance with swaps of neighbouring letters counted as one edit (optimal string alignment). */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i].push(d);
      }
    }
    return rows[a.length][b.length];
  }

  function exactCount(m, loaded, item) {
    var n = 0;
    variants(m, item).forEach(function (t) {
      var shard = loaded[shardOf(m, t)];
      if (has(shard, t)) n += postings(shard, t).size;
    });
    return n;
  }

  /* The words of `items` that may need correcting, with the term shards not loaded yet that most
     of their likely corrections fall into when none is in the loaded ones. `force`: a word
     found as typed may be a typo too (the query's words find too little together). */
  function typoNeeds(m, loaded, items, force) {
    var votes = {}, missing = [];
    items.forEach(function (item) {
      if (!typoEligible(item)) return;
      if (!force && exactCount(m, loaded, item)) return;
      if (!force && item.prefix && completions(m, loaded, prefixForms(m, item.word), variants(m, item)).length) return;
      var cands = oneEditAway(m, item);
      var here = cands.some(function (c) {
        return c.terms.some(function (t) { var s = loaded[shardOf(m, t)]; return has(s, t); });
      });
      missing.push(item);  // a correction near by is not always the one meant: look by its end too
      // With a correction loaded, only the shards next to the word's own: a mistake in its last
      // letters may sort it across a shard boundary ("ameriacn", "american").
      var own = variants(m, item).map(function (t) { return shardOf(m, t); });
      cands.forEach(function (c) {
        if (c.at < 1) return;  // a mistake in the first letter is rare
        c.terms.forEach(function (t) {
          var i = shardOf(m, t);
          if (loaded[i] || (here && !own.some(function (o) { return Math.abs(o - i) === 1; }))) return;
          votes[i] = (votes[i] || 0) + 1;
        });
      });
    });
    // The shards most of those corrections fall into.
    var shardsToLoad = Object.keys(votes).map(Number).sort(function (a, b) { return votes[b] - votes[a] || a - b; })
      .slice(0, EXTRA_SHARDS);
    return { missing: missing, shards: shardsToLoad };
  }

  function reverseShardOf(m, reversed) {
    var lo = 0, hi = m.reverseFirst.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.reverseFirst[mid] <= reversed) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function reversed(text) { return Array.from(text).reverse().join(""); }

  /* Index terms near a word mistyped anywhere but at its end, found by their end: one edit from its
     term (two for a term of 8 letters or more), among the terms that end like it. */
  var nearCache = Object.create(null);
  function nearTerms(m, items) {
    if (!m.reverseFiles) return Promise.resolve([]);
    var wanted = {};
    items.forEach(function (item) {
      variants(m, item).forEach(function (v) { wanted[reverseShardOf(m, reversed(v))] = true; });
    });
    return Promise.all(Object.keys(wanted).map(function (i) { return load(m.reverseFiles[i]); })).then(function () {
      var terms = [];
      items.forEach(function (item) {
        var near = [];
        variants(m, item).forEach(function (v) {
          var most = v.length >= 8 ? 2 : 1;
          shards[m.reverseFiles[reverseShardOf(m, reversed(v))]].forEach(function (t) {
            if (t !== v && near.indexOf(t) < 0 && distance(v, t, most) <= most) near.push(t);
          });
        });
        nearCache[item.word] = near;
        terms = terms.concat(near);
      });
      return terms;
    });
  }

  /* Loads what correcting `items` needs: the likely shards of their one-edit corrections and, in
     parallel, the terms near them by their end, then the term shards holding those. */
  function typoLoad(m, loaded, items, force) {
    var needs = typoNeeds(m, loaded, items, force);
    if (!needs.missing.length) return Promise.resolve();
    function into(i) {
      return load(m.termFiles[i]).then(function (shard) { loaded[i] = shard; }, function () {});
    }
    var byEnd = nearTerms(m, needs.missing.filter(function (item) { return !nearCache[item.word]; })).then(function (terms) {
      var ids = {};
      terms.forEach(function (t) { var i = shardOf(m, t); if (!loaded[i]) ids[i] = true; });
      return Promise.all(Object.keys(ids).slice(0, NEAR_SHARDS).map(Number).map(into));
    }, function () {});
    return Promise.all(needs.shards.map(into).concat([byEnd]));
  }

  /* Adds the matches of a word's corrections to `scores`; returns the correction found most often. */
  function typoScores(m, loaded, item, scores) {
    var found = [], seen = Object.create(null);
    oneEditAway(m, item).forEach(function (c) {
      c.terms.forEach(function (t) {
        var shard = loaded[shardOf(m, t)];
        if (has(shard, t)) {
          // The word to suggest: of those indexed under one term, one that is not the stem itself
          // ("ferru" → "ferry", not "ferri").
          if (seen[t]) { if (seen[t].word === t && c.word !== t) seen[t].word = c.word; return; }
          seen[t] = { term: t, shard: shard, size: shard[t].length, word: c.word };
          found.push(seen[t]);
        }
      });
    });
    (nearCache[item.word] || []).forEach(function (t) {  // found by the word's end (nearTerms)
      var shard = loaded[shardOf(m, t)];
      if (has(shard, t) && !seen[t]) {
        seen[t] = { term: t, shard: shard, size: shard[t].length, word: null };
        found.push(seen[t]);
      }
    });
    if (item.word.length >= 8) {  // two edits away: terms of the word's own shard
      variants(m, item).forEach(function (v) {
        var shard = loaded[shardOf(m, v)];
        if (!shard) return;
        Object.keys(shard).forEach(function (t) {
          if (!seen[t] && t !== v && t[0] !== "~" && distance(v, t, 2) <= 2) {
            seen[t] = true;
            found.push({ term: t, shard: shard, size: shard[t].length, word: null });
          }
        });
      });
    }
    if (!found.length) return null;
    found.sort(function (a, b) { return b.size - a.size || (a.term < b.term ? -1 : 1); });
    found = found.slice(0, MAX_TYPO_TERMS);
    var weakest = Infinity, best = 0;
    scores.forEach(function (impact) { if (impact < weakest) weakest = impact; });
    found.forEach(function (c) {
      postings(c.shard, c.term).forEach(function (impact) { if (impact > best) best = impact; });
    });
    var weight = Math.min(TYPO_WEIGHT, best ? 0.99 * weakest / best : TYPO_WEIGHT);
    var fuzzy = new Set();
    found.forEach(function (c) {
      postings(c.shard, c.term).forEach(function (impact, doc) {
        var s = impact * weight;
        if (!(scores.get(doc) >= s)) {
          if (!scores.has(doc)) fuzzy.add(doc);
          scores.set(doc, s);
        }
      });
    });
    var named = found.filter(function (c) { return c.word; })[0];
    return { word: named ? named.word : null, docs: fuzzy };
  }

  /* The articles holding a query word, with its impact there: its terms, the terms it starts when
     `prefix`, and when it is found in fewer than `typos` articles, those of its corrections. */
  function wordScores(m, loaded, item, prefix, typos) {
    var word = item.word, exact = variants(m, item), scores = new Map(), titled = [];
    exact.forEach(function (t) {
      var shard = loaded[shardOf(m, t)];
      if (has(shard, t)) {
        var found = postings(shard, t);
        found.forEach(function (impact, doc) {
          if (!(scores.get(doc) >= impact)) scores.set(doc, impact);
        });
        titled.push(found.titled);
      }
    });
    if (prefix) {
      /* The word being typed is also any word it starts, always below the word itself: completions
         count PREFIX_WEIGHT of their impact, or less, so that the best of them stays below the
         weakest article holding the word as typed. */
      var found = completions(m, loaded, prefixForms(m, word), exact), weakest = Infinity, best = 0;
      scores.forEach(function (impact) { if (impact < weakest) weakest = impact; });
      found.forEach(function (c) {
        postings(c.shard, c.term).forEach(function (impact) { if (impact > best) best = impact; });
      });
      var weight = Math.min(PREFIX_WEIGHT, best ? 0.99 * weakest / best : PREFIX_WEIGHT);
      found.forEach(function (c) {
        var completed = postings(c.shard, c.term);
        completed.forEach(function (impact, doc) {
          var s = impact * weight;
          if (!(scores.get(doc) >= s)) scores.set(doc, s);
        });
        titled.push(completed.titled);
      });
    }
    var corrected = null;
    if (typoEligible(item) && scores.size < typos) corrected = typoScores(m, loaded, item, scores);
    return { terms: exact, scores: scores, corrected: corrected, inTitle: function (doc) {
      return titled.some(function (set) { return set.has(doc); });
    } };
  }

  function filterTerms(filters) {
    var out = [];
    if (filters.source) out.push("~s:" + filters.source);
    if (filters.tag) out.push("~t:" + filters.tag);
    if (filters.lang) out.push("~l:" + filters.lang);
    return out;
  }

  /* Doc-number ranges inside the month range [from, to] ("YYYY-MM", either may be empty). */
  function dateTest(m, from, to) {
    if (!from && !to) return null;
    var months = m.months;
    return function (doc) {
      var lo = 0, hi = months.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (months[mid][1] <= doc) lo = mid; else hi = mid - 1;
      }
      var month = months[lo][0];
      return (!from || month >= from) && (!to || month <= to);
    };
  }

  /* Whether the phrase's words stand at their offsets from one start in `doc`. */
  function phraseHolds(phrase, doc) {
    var lists = phrase.map(function (w) { return w.positionsOf(doc); });
    if (lists.some(function (l) { return !l; })) return false;
    return lists[0].some(function (start) {
      return phrase.every(function (w, i) { return lists[i].indexOf(start + w.offset) >= 0; });
    });
  }

  function search(query, options) {
    options = options || {};
    var limit = Math.max(1, Number(options.limit) || 10);
    var filters = options.filters || {};
    return manifest().then(function (m) {
      var parsed = parse(query);
      var required = [], optional = [], phrases = [], excluded = [], excludedPhrases = [];
      parsed.parts.forEach(function (part, pi) {
        var phrase = [];
        part.words.forEach(function (w, wi) {
          var isLast = pi === parsed.parts.length - 1 && wi === part.words.length - 1;
          var item = { word: w, raw: part.raw[wi], prefix: parsed.typing && isLast && w.length >= 3 && !m.stop[w], offset: wi };
          if (part.exclude) {  // a stopword is in no index: it excludes nothing
            if (!m.stop[w]) (part.phrase ? phrase : excluded).push(item);
            return;
          }
          if (m.stop[w]) { if (!part.phrase) optional.push(item); return; }
          required.push(item);
          if (part.phrase) phrase.push(item);
        });
        if (part.exclude && phrase.length === 1) excluded.push(phrase[0]);
        else if (part.exclude && phrase.length > 1) excludedPhrases.push(phrase);
        else if (part.phrase && phrase.length > 1) phrases.push(phrase);
      });
      if (!required.length) {
        return { results: [], total: 0, common: parsed.parts.some(function (p) { return !p.exclude; }) };
      }
      var terms = [], excludedTerms = [];
      required.concat(optional).forEach(function (item) { terms = terms.concat(variants(m, item)); });
      excluded.forEach(function (item) { excludedTerms = excludedTerms.concat(variants(m, item)); });
      var fTerms = filterTerms(filters);
      var prefixes = required.filter(function (i) { return i.prefix; }).map(function (i) { return prefixForms(m, i.word); });
      var need = shardsFor(m, terms.concat(fTerms, excludedTerms), prefixes[0]);
      if (required.length > 1) {  // positions are needed too: ask for them now, not one round trip later
        var requiredTerms = [];
        required.forEach(function (item) { requiredTerms = requiredTerms.concat(variants(m, item)); });
        shardsFor(m, requiredTerms, null).forEach(function (i) { load(m.positionFiles[i]).catch(function () {}); });
      }
      var loaded = {};
      return Promise.all(need.map(function (i) { return load(m.termFiles[i]); })).then(function (list) {
        need.forEach(function (i, k) { loaded[i] = list[k]; });
        return typoLoad(m, loaded, required, false);  // only when a word's corrections are all elsewhere
      }).then(function () {
        // Typos are corrected for a word found nowhere, or, when the words find no article
        // together, for any of them.
        var perWord = required.map(function (item) { return wordScores(m, loaded, item, item.prefix, 1); });
        var opt = optional.map(function (item) { return wordScores(m, loaded, item, false, 0); });
        var inDates = dateTest(m, filters.from, filters.to);
        var fMaps = fTerms.map(function (t) {
          var shard = loaded[shardOf(m, t)];
          return has(shard, t) ? postings(shard, t) : new Map();
        });
        var out = excludedTerms.map(function (t) {  // -word: articles holding any of its terms
          var shard = loaded[shardOf(m, t)];
          return has(shard, t) ? postings(shard, t) : new Map();
        });
        var hits = [], together = 0;
        function intersect() {
          var req = perWord.slice().sort(function (a, b) { return a.scores.size - b.scores.size; });
          hits = [];
          together = 0;
          req[0].scores.forEach(function (score, doc) {
            for (var o = 0; o < out.length; o++) if (out[o].has(doc)) return;
            for (var i = 1; i < req.length; i++) {
              var s = req[i].scores.get(doc);
              if (s === undefined) return;
              score += s;
            }
            together++;
            for (i = 0; i < fMaps.length; i++) if (!fMaps[i].has(doc)) return;
            if (inDates && !inDates(doc)) return;
            opt.forEach(function (o) { score += o.scores.get(doc) || 0; });
            hits.push([score, doc]);
          });
        }
        intersect();
        /* Nothing together: any of the words may be the mistyped one, even one found as typed
           ("trafe" is a German word, "fridy" starts with "frid"). */
        var retry = Promise.resolve();
        if (!together) {
          var doubtful = required.filter(function (item, i) { return !perWord[i].corrected && typoEligible(item); });
          if (doubtful.length) {
            retry = typoLoad(m, loaded, doubtful, true).then(function () {
              perWord = perWord.map(function (w, i) {
                if (w.corrected || !typoEligible(required[i])) return w;
                return wordScores(m, loaded, required[i], required[i].prefix, Infinity);
              });
              intersect();
            });
          }
        }
        return retry.then(function () {
          return applyPositions(m, required, phrases, hits, perWord);
        }).then(function (kept) {
          return withoutPhrases(m, excludedPhrases, kept);
        }).then(function (kept) {
          kept.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
          return { hits: kept, words: required.concat(optional), terms: terms,
                   suggestion: suggestion(parsed, required, perWord, kept),
                   inTitle: function (doc) { return perWord.every(function (w) { return w.inTitle(doc); }); } };
        });
      }).then(function (found) {
        var queryWords = found.words.filter(function (i) { return !m.stop[i.word]; });
        var ranked = options.sort ? Promise.resolve(found.hits.slice()) : reranked(m, found.hits, queryWords, found.inTitle);
        return ranked.then(function (hits) {
          if (options.sort === "newest") hits.sort(function (a, b) { return a[1] - b[1]; });  // doc 0 is the newest
          else if (options.sort === "oldest") hits.sort(function (a, b) { return b[1] - a[1]; });
          var answer = { results: [], total: hits.length, common: false, words: found.words, terms: found.terms,
                         suggestion: found.suggestion, manifest: m };
          /* The next `n` results, loaded on demand: every hit can be shown, a page at a time. */
          answer.more = function (n) {
            var from = answer.results.length;
            return resultsOf(m, hits.slice(from, from + n)).then(function (rows) {
              answer.results = answer.results.concat(rows);
              return rows;
            });
          };
          return answer.more(limit).then(function () { return answer; });
        });
      });
    });
  }

  function docShard(m, doc) { return m.docFiles[Math.floor(doc / m.docsPerShard)]; }
  function docOf(m, doc) { return shards[docShard(m, doc)].docs[doc % m.docsPerShard]; }

  function loadDocs(m, hits) {
    var names = {};
    hits.forEach(function (h) { names[docShard(m, h[1])] = true; });
    return Promise.all(Object.keys(names).map(load));
  }

  /* The hits with their headline bonus (titleBonus) for the best RERANK of them and for up to
     TITLE_CANDIDATES more from anywhere in the list whose headline holds every query word (in some
     form), best first. */
  function reranked(m, hits, words, inTitle) {
    var head = hits.slice(0, RERANK), more = [];
    for (var i = RERANK; i < hits.length && more.length < TITLE_CANDIDATES; i++) {
      if (inTitle(hits[i][1])) more.push(hits[i]);
    }
    return loadDocs(m, head.concat(more)).then(function () {
      var rest = more.length ? hits.slice(RERANK).filter(function (h) { return more.indexOf(h) < 0; }) : hits.slice(RERANK);
      head = head.concat(more).map(function (h) { return [h[0] + titleBonus(m, docOf(m, h[1]), words), h[1]]; });
      head.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
      return head.concat(rest);
    });
  }

  function resultsOf(m, hits) {
    return loadDocs(m, hits).then(function () {
      return hits.map(function (h) {
        var doc = docOf(m, h[1]);
        return {
          url: new URL(base + "../" + doc[0] + "index.html", location.href).href,
          title: doc[1], date: doc[2], source: doc[3], lang: doc[4], snippet: doc[5], doc: h[1]
        };
      });
    });
  }

  /* How well a headline answers the query: each query word found in it in the typed form (or
     completing the word being typed), each pair of neighbouring query words standing next to each
     other there, and, when it holds every query word in some form, how much of the headline they
     make up: a reader who recalls a headline names a good part of it, so three words fit a
     five-word headline better than a twelve-word one. Only words a reader would recall count:
     numbers, codes with digits ("4th", "1987") and two-letter words are rarely typed. */
  function titleBonus(m, doc, items) {
    var s = stemmerOf(m, doc[4]), title, terms;
    if (s && !s.folded) {
      var lower = lowerWords(doc[1]).filter(function (w) { return !m.stop[fold(w)]; });
      title = lower.map(fold);
      terms = lower.map(function (w) { return fold(s.stem(w)); });
    } else {
      title = words(doc[1]).filter(function (w) { return !m.stop[w]; });
      terms = title.map(function (w) { return s ? s.stem(w) : w; });
    }
    var bonus = 0, typed = 0;
    var at = items.map(function (item) {
      var i = title.indexOf(item.word);
      if (i < 0 && item.prefix) i = title.findIndex(function (w) { return w.indexOf(item.word) === 0; });
      if (i >= 0) {
        bonus += TITLE_WORD_BONUS;
        typed++;
        return i;
      }
      var wanted = variants(m, item);
      return terms.findIndex(function (t) { return wanted.indexOf(t) >= 0; });
    });
    for (var i = 0; i + 1 < at.length; i++) {
      if (at[i] >= 0 && at[i + 1] > at[i] && at[i + 1] - at[i] <= 2) bonus += TITLE_PAIR_BONUS;
    }
    var recalled = title.filter(function (w) { return w.length >= 3 && !/\d/.test(w); }).length;
    if (recalled && at.every(function (i) { return i >= 0; })) bonus += TITLE_COVER_BONUS * Math.min(1, at.length / recalled);
    if (items.length > 1 && typed === items.length) bonus += TITLE_TYPED_BONUS;
    return bonus;
  }

  /* For each query word, a function doc → positions of its exact terms (null if none). */
  function wordPositions(m, items) {
    var ids = {};
    items.forEach(function (item) {
      variants(m, item).forEach(function (t) { ids[shardOf(m, t)] = true; });
    });
    ids = Object.keys(ids).map(Number);
    return Promise.all(ids.map(function (i) {
      return Promise.all([load(m.positionFiles[i]), load(m.termFiles[i])]);
    })).then(function (pairs) {
      var byShard = {};
      ids.forEach(function (i, k) { byShard[i] = pairs[k]; });
      return items.map(function (item) {
        var lookups = variants(m, item).filter(function (t) {
          return has(byShard[shardOf(m, t)][1], t);
        }).map(function (t) {
          var pair = byShard[shardOf(m, t)];
          return positions(pair[0], pair[1], t);
        });
        return function (doc) {  // positions of any of the word's terms, or null
          var found = null;
          lookups.forEach(function (get) {
            var places = get(doc);
            if (places) found = found ? found.concat(places) : places;
          });
          return found;
        };
      });
    });
  }

  /* The smallest step forward from a position in `before` to one in `after` (Infinity if none). */
  function step(before, after) {
    var best = Infinity;
    for (var i = 0; i < before.length; i++) {
      for (var j = 0; j < after.length; j++) {
        var gap = after[j] - before[i];
        if (gap > 0 && gap < best) best = gap;
      }
    }
    return best;
  }

  function chained(lists) {
    return lists[0].some(function (start) {
      var at = start;
      return lists.slice(1).every(function (next) {
        var found = Math.min.apply(null, next.filter(function (p) { return p > at && p - at <= NEAR; }));
        at = found;
        return found !== Infinity;
      });
    });
  }

  /* How often the words stand one after the other, in order: the query found verbatim. */
  function inARow(lists) {
    return lists[0].filter(function (start) {
      return lists.every(function (places, i) { return places.indexOf(start + i) >= 0; });
    }).length;
  }

  /* An article's length against the archive's average, read back from the BM25 impact a word has
     there (search/scoring.py impact, taking the word as absent from the headline: a headline word makes
     the article look shorter, which does no harm), its document frequency and how often it occurs. */
  function lengthRatio(m, impact, df, occurrences) {
    if (!m.bm25) return 1;  // a manifest cached from an older build: rank as an average article
    var k1 = m.bm25[0], b = m.bm25[1], scale = m.bm25[2];
    // The term-frequency factor tends to k1 + 1 and never reaches it; rounding may overshoot.
    var saturated = Math.min(impact / (scale * Math.log(1 + (m.docs - df + 0.5) / (df + 0.5))), k1 + 0.95);
    var norm = k1 * saturated / ((k1 + 1 - saturated) * occurrences);
    return Math.max((1 / norm - (1 - b)) / b, 1 / 64);
  }

  /* `ratio()`: the article's length against the average (lengthRatio), asked only of a verbatim find. */
  function proximityBonus(lists, ratio) {
    if (lists.some(function (l) { return !l; })) return 0;
    var times = lists.length > 2 ? inARow(lists) : 0;
    var bonus = times ? PHRASE_BONUS + PHRASE_DENSITY * Math.max(0, Math.log2(times / ratio())) : 0;
    for (var i = 0; i + 1 < lists.length; i++) {
      var gap = step(lists[i], lists[i + 1]);
      if (gap === 1) bonus += ADJACENT_BONUS;
      else if (gap <= NEAR) bonus += NEAR_BONUS;
    }
    if (lists.length > 2 && chained(lists)) bonus += CHAIN_BONUS;
    return bonus;
  }

  /* "Did you mean": the query with its corrected words, when the articles found only through a
     correction outnumber those holding the words as typed. */
  function suggestion(parsed, required, perWord, hits) {
    var fixes = new Map();
    perWord.forEach(function (w, i) { if (w.corrected && w.corrected.word) fixes.set(required[i], w.corrected); });
    if (!fixes.size || !hits.length) return null;
    var typed = hits.filter(function (h) {
      return !Array.from(fixes.values()).some(function (c) { return c.docs.has(h[1]); });
    }).length;
    if (hits.length <= 2 * typed) return null;
    var byWord = Object.create(null);
    fixes.forEach(function (c, item) { byWord[item.word] = c.word; });
    return parsed.parts.map(function (part) {
      var text = part.words.map(function (w) { return byWord[w] || w; }).join(" ");
      if (part.phrase) text = '"' + text + '"';
      return part.exclude ? "-" + text : text;
    }).join(" ");
  }

  /* Drop hits holding any of the phrases (-"a phrase"). */
  function withoutPhrases(m, excludedPhrases, hits) {
    if (!excludedPhrases.length || !hits.length) return Promise.resolve(hits);
    var items = [].concat.apply([], excludedPhrases);
    return wordPositions(m, items).then(function (lookups) {
      var tests = excludedPhrases.map(function (phrase) {
        return phrase.map(function (item) {
          return { positionsOf: lookups[items.indexOf(item)], offset: item.offset - phrase[0].offset };
        });
      });
      return hits.filter(function (h) {
        return !tests.some(function (phrase) { return phraseHolds(phrase, h[1]); });
      });
    });
  }

  /* Drop hits failing a quoted phrase, then favour the best candidates whose query words stand close
     together in the query's order. */
  function applyPositions(m, required, phrases, hits, perWord) {
    if (required.length < 2) return Promise.resolve(hits);
    return wordPositions(m, required).then(function (lookups) {
      var tests = phrases.map(function (phrase) {
        return phrase.map(function (item) {
          return { positionsOf: lookups[required.indexOf(item)], offset: item.offset - phrase[0].offset };
        });
      });
      hits = hits.filter(function (h) {
        return tests.every(function (phrase) { return phraseHolds(phrase, h[1]); });
      });
      hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
      // The length is read from the rarest word typed in full (a completion's impact is scaled).
      var rarest = -1;
      perWord.forEach(function (w, i) {
        if (!required[i].prefix && (rarest < 0 || w.scores.size < perWord[rarest].scores.size)) rarest = i;
      });
      var head = hits.slice(0, PROXIMITY_CANDIDATES).map(function (h) {
        var lists = lookups.map(function (positionsOf) { return positionsOf(h[1]); });
        return [h[0] + proximityBonus(lists, function () {
          if (rarest < 0) return 1;
          var scores = perWord[rarest].scores;
          return lengthRatio(m, scores.get(h[1]), scores.size, lists[rarest].length);
        }), h[1]];
      });
      return head.concat(hits.slice(PROXIMITY_CANDIDATES));
    });
  }

  /* Query terms a snippet word must match to be marked. */
  function marker(found) {
    var wanted = Object.create(null);
    (found.terms || []).forEach(function (t) { wanted[t] = true; });
    var prefixes = (found.words || []).filter(function (i) { return i.prefix; }).map(function (i) { return i.word; });
    var seen = new Map();  // an excerpt repeats its words: each is stemmed once
    return function (word) {
      var known = seen.get(word);
      if (known !== undefined) return known;
      var w = fold(word), item = { word: w, raw: word.toLowerCase().normalize("NFC") };
      known = prefixes.some(function (p) { return w.indexOf(p) === 0; }) || !!wanted[w] ||
        (!!found.manifest && variants(found.manifest, item).some(function (t) { return wanted[t]; }));
      seen.set(word, known);
      return known;
    };
  }

  /* ---- snippets: the passage of an article's text that best shows the query's words ---- */

  /* A passage is about PASSAGE_CHARS long, chosen as the run of PASSAGE_WORDS words holding the most
     different query words (then the most of them), the earliest of equals; it starts at the
     sentence its first match is in when that is near, otherwise a few words before it. */
  var PASSAGE_WORDS = 24;
  var PASSAGE_CHARS = 220;
  var LEAD_IN = 6;

  function passage(text, isMatch) {
    var re = /[\p{L}\p{N}]+/gu, tokens = [], match;
    while ((match = re.exec(text))) {
      var hit = match[0].length > 1 && isMatch(match[0]);
      tokens.push({ at: match.index, end: match.index + match[0].length, key: hit ? fold(match[0]) : null });
    }
    var best = -1, bestScore = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (!tokens[i].key) continue;
      var kinds = Object.create(null), n = 0, count = 0;
      for (var j = i; j < tokens.length && j < i + PASSAGE_WORDS; j++) {
        if (!tokens[j].key) continue;
        count++;
        if (!kinds[tokens[j].key]) { kinds[tokens[j].key] = true; n++; }
      }
      var score = n * 1000 + count;
      if (score > bestScore) { best = i; bestScore = score; }
    }
    if (best < 0) return null;
    var first = Math.max(0, best - LEAD_IN), from = tokens[first].at;
    var sentence = text.slice(0, tokens[best].at).search(/[.!?]["'»”]?\s+[^.!?]*$/);
    if (sentence >= 0 && sentence + 1 >= tokens[first].at - 40) from = text.slice(sentence + 1).search(/\S/) + sentence + 1;
    else if (best - LEAD_IN <= 0) from = 0;
    var to = Math.min(text.length, from + PASSAGE_CHARS);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      to = cut > tokens[best].end ? cut : to;
    }
    return (from > 0 ? "… " : "") + text.slice(from, to).trim() + (to < text.length ? " …" : "");
  }

  /* Named by the document shard of `doc`, which a result shown has loaded (search/shards.py). */
  function excerptShard(m, doc) {
    var first = Math.floor(doc / m.docsPerShard) * m.docsPerShard;  // the document shard's first article
    return shards[docShard(m, doc)].excerpts[Math.floor(doc / m.excerptsPerShard) - Math.floor(first / m.excerptsPerShard)];
  }

  /* Each result's snippet made its best passage, once the excerpt shards of `results` are loaded;
     a result whose text holds no query word keeps its lead. */
  function withPassages(found, results) {
    var m = found.manifest;
    if (!m || !m.excerptsPerShard || !results.length) return Promise.resolve(results);
    var names = {};
    results.forEach(function (r) { names[excerptShard(m, r.doc)] = true; });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      var isMatch = found.isMatch || (found.isMatch = marker(found));
      results.forEach(function (r) {
        if (r.passage !== undefined) return;
        var text = shards[excerptShard(m, r.doc)][r.doc % m.excerptsPerShard];
        r.passage = text ? passage(text, isMatch) : null;
        if (r.passage) r.snippet = r.passage;
      });
      return results;
    });
  }

  /* The contract the benchmark harness and other pages use. */
  window.searchArchive = function (query, options) {
    return search(query, options).then(function (found) {
      return options && options.passages ? withPassages(found, found.results) : found.results;
    }).then(function (results) {
      return results.map(function (r) {
        return { url: r.url, title: r.title, date: r.date, source: r.source, snippet: r.snippet };
      });
    });
  };
  window.searchArchive.internals = { fold: fold, words: words, lowerWords: lowerWords, termOf: termOf,
                                     lengthRatio: lengthRatio };

  /* ---- the search page ---- */

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var strings = JSON.parse(form.getAttribute("data-strings"));

  /* "2025-08-20" as the site writes dates elsewhere ("20. August 2025", "7 grudnia 2026"): the
     template and month names are CLDR's long date, made by the build. */
  function longDate(iso) {
    var parts = iso.split("-").map(Number);
    var month = strings.months && strings.months[parts[1] - 1];
    if (!month || !strings.date) return iso;
    return strings.date.replace("{day}", parts[2]).replace("{dd}", (parts[2] < 10 ? "0" : "") + parts[2])
      .replace("{month}", month).replace("{year}", parts[0]);
  }

  /* A count as the build writes it: Babel's grouping (not Intl.NumberFormat's, which differs for
     Polish and Spanish four-digit numbers), the plural form by CLDR's rule for the page's language. */
  function counted(forms, n) {
    var digits = String(n), grouped = "", size = strings.number.sizes[0];
    while (digits.length > size) {
      grouped = strings.number.group + digits.slice(-size) + grouped;
      digits = digits.slice(0, -size);
      size = strings.number.sizes[1];
    }
    var form;
    try { form = forms[new Intl.PluralRules(document.documentElement.lang).select(n)]; } catch (e) { /* unknown tag */ }
    return (form || forms.other).replace("{n}", digits + grouped);
  }
  /* The browser tests hold these to what the build writes. */
  window.searchArchive.format = { counted: counted, longDate: longDate };
  var serial = 0;
  var PAGE = 30;  // results shown at first, and added by each "Show more"

  function currentFilters() {
    var f = {};
    ["source", "tag", "lang", "from", "to"].forEach(function (name) {
      var el = form.elements[name];
      if (el && el.value) f[name] = el.value;
    });
    return f;
  }

  /* Text with matched words in <mark>; built from text nodes only, never from HTML. */
  function highlighted(el, text, isMatch, lang) {
    var re = /[\p{L}\p{N}]+/gu, last = 0, match;
    while ((match = re.exec(text))) {
      if (match[0].length > 1 && isMatch(match[0], lang)) {
        el.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        el.appendChild(mark);
        last = match.index + match[0].length;
      }
    }
    el.appendChild(document.createTextNode(text.slice(last)));
    return el;
  }

  /* "Did you mean: <a>corrected query</a>", under the status line, or nothing. */
  function suggest(query) {
    var line = document.getElementById("search-suggestion");
    if (!query) { if (line) line.remove(); return; }
    if (!line) {
      line = document.createElement("p");
      line.id = "search-suggestion";
      line.className = "search-status";
      status.parentNode.insertBefore(line, list);
    }
    line.textContent = "";
    var at = strings.did_you_mean.indexOf("{query}");
    var a = document.createElement("a");
    a.href = "?q=" + encodeURIComponent(query);
    a.textContent = query;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = query;
      run();
    });
    line.appendChild(document.createTextNode(strings.did_you_mean.slice(0, at)));
    line.appendChild(a);
    line.appendChild(document.createTextNode(strings.did_you_mean.slice(at + 7)));
  }

  /* One result as a list item; its snippet paragraph is kept to be given the result's passage. */
  function item(r, isMatch) {
    var li = document.createElement("li");
    li.className = "teaser";
    if (r.lang) li.lang = r.lang;
    if (strings.dirs[r.lang]) li.dir = strings.dirs[r.lang];
    var h2 = document.createElement("h2");
    var a = document.createElement("a");
    a.href = r.url;
    highlighted(a, r.title, isMatch, r.lang);
    h2.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    var time = document.createElement("time");
    time.dateTime = r.date;
    time.textContent = longDate(r.date);
    meta.appendChild(time);
    if (r.source) meta.appendChild(document.createTextNode(" · " + r.source));
    var snippet = highlighted(document.createElement("p"), r.snippet, isMatch, r.lang);
    snippet.className = "summary";
    li.appendChild(h2);
    li.appendChild(meta);
    li.appendChild(snippet);
    r.snippetElement = snippet;
    return li;
  }

  /* A row's lead replaced by its passage once its excerpt is loaded: for the rows in view, or
     about to be (the excerpts of a page of results are most of its bytes). */
  function upgrade(found, rows, mine) {
    withPassages(found, rows).then(function () {
      if (mine !== serial) return;
      rows.forEach(function (r) {
        if (!r.passage || !r.snippetElement) return;
        var snippet = highlighted(document.createElement("p"), r.passage, found.isMatch, r.lang);
        snippet.className = "summary";
        r.snippetElement.replaceWith(snippet);
        r.snippetElement = snippet;
      });
    }, function () { /* the leads stay */ });
  }

  var nearView = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    var due = [];
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      nearView.unobserve(entry.target);
      due.push(entry.target.result);
    });
    if (due.length) upgrade(due[0].found, due.map(function (d) { return d.row; }), due[0].mine);
  }, { rootMargin: "600px 0px" }) : null;

  function append(found, rows, mine) {
    var isMatch = found.isMatch || (found.isMatch = marker(found));
    rows.forEach(function (r) {
      var li = item(r, isMatch);
      list.appendChild(li);
      if (nearView) {
        li.result = { found: found, row: r, mine: mine };
        nearView.observe(li);
      }
    });
    if (!nearView) upgrade(found, rows, mine);
    moreButton(found, mine);
  }

  /* "Show more results" under the list while hits remain: PAGE more each time, up to all of them. */
  function moreButton(found, mine) {
    var button = document.getElementById("search-more");
    if (found.results.length >= found.total) { if (button) button.remove(); return; }
    if (!button) {
      button = document.createElement("button");
      button.id = "search-more";
      button.type = "button";
      button.className = "search-more";
      button.textContent = strings.more;
      list.parentNode.insertBefore(button, list.nextSibling);
    }
    button.onclick = function () {
      button.disabled = true;
      found.more(PAGE).then(function (rows) {
        button.disabled = false;
        if (mine === serial) append(found, rows, mine);
      }, function () { button.disabled = false; status.textContent = strings.failed; });
    };
  }

  function show(found, query, mine) {
    if (nearView) nearView.disconnect();
    list.textContent = "";
    append(found, found.results, mine);
    suggest(found.suggestion);
    if (found.common) status.textContent = strings.common;
    else if (!found.results.length) status.textContent = strings.none;
    else status.textContent = counted(strings.results, found.total);
    status.setAttribute("data-query", query);  // which query the list answers, while typing goes on
  }

  function run() {
    var query = input.value, mine = ++serial;
    var filters = currentFilters();
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    var sort = form.elements.sort ? form.elements.sort.value : "";
    if (sort) params.set("sort", sort);
    try {
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    } catch (e) { /* some file:// setups refuse; the search still works */ }
    if (!query.trim()) {
      suggest(null);
      list.textContent = "";
      moreButton({ results: [], total: 0 }, mine);
      status.textContent = "";
      status.setAttribute("data-query", query);
      return;
    }
    /* The list and its count stay until the new ones are ready: while typing, most queries answer
       from loaded shards within a frame, and "Searching …" only shows for a slow one. */
    var slow = setTimeout(function () { if (mine === serial) status.textContent = strings.loading; }, 300);
    search(query, { limit: PAGE, filters: filters, sort: sort }).then(function (found) {
      clearTimeout(slow);
      if (mine === serial) show(found, query, mine);
    }, function () {
      clearTimeout(slow);
      if (mine === serial) status.textContent = strings.failed;
    });
  }

  var timer = null;
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  ["source", "tag", "lang", "from", "to"].forEach(function (name) {
    var el = form.elements[name];
    if (el && params.get(name)) {
      el.value = params.get(name);
      form.querySelector(".search-filters").open = true;
    }
  });
  if (form.elements.sort && /^(newest|oldest)$/.test(params.get("sort") || "")) form.elements.sort.value = params.get("sort");
  input.addEventListener("input", soon);
  form.addEventListener("change", soon);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  /* Arrow keys move between the search box and the result links. */
  form.parentNode.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown" && links.length) links[0].focus();
    else if (at >= 0 && event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
    else if (at > 0 && event.key === "ArrowUp") links[at - 1].focus();
    else if (at === 0 && event.key === "ArrowUp") input.focus();
    else return;
    event.preventDefault();
  });
  if (input.value) run();
  input.focus();
})();
