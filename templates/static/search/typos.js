/* Typos: the index terms one or two edits away from a query word found in no article, and the
   scores of each query word's terms.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var CJK_RUN = S.CJK_RUN, has = S.has, load = S.load, postings = S.postings, shardOf = S.shardOf,
      shards = S.shards, PREFIX_WEIGHT = S.PREFIX_WEIGHT, completions = S.completions,
      prefixForms = S.prefixForms, variants = S.variants;

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

  S.typoEligible = typoEligible;
  S.typoLoad = typoLoad;
  S.wordScores = wordScores;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
