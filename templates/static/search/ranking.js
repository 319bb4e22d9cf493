/* Ranking: the signals added at query time to the index's BM25F impacts (the headline, the
   query words' proximity, phrases), and the results' records.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var fold = S.fold, lowerWords = S.lowerWords, stemmerOf = S.stemmerOf, words = S.words,
      base = S.base, has = S.has, load = S.load, positions = S.positions, positionFile = S.positionFile,
      shardOf = S.shardOf, shards = S.shards, variants = S.variants;

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

  /* Whether the phrase's words stand at their offsets from one start in `doc`. */
  function phraseHolds(phrase, doc) {
    var lists = phrase.map(function (w) { return w.positionsOf(doc); });
    if (lists.some(function (l) { return !l; })) return false;
    return lists[0].some(function (start) {
      return phrase.every(function (w, i) { return lists[i].indexOf(start + w.offset) >= 0; });
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
      head.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; });
      return head.concat(rest);
    });
  }

  /* An article's path, which its document row leaves out when the date and an ASCII headline
     make it (search/shards.py _stored_path). */
  function pathOf(doc) {
    if (doc[0]) return doc[0];
    return doc[2].replace(/-/g, "/") + "/" + doc[1].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") + "/";
  }

  /* The results' records; a snippet comes with the excerpts (snippets.js withPassages). */
  function resultsOf(m, hits) {
    return loadDocs(m, hits).then(function () {
      return hits.map(function (h) {
        var doc = docOf(m, h[1]);
        return {
          url: new URL(base + "../" + pathOf(doc) + "index.html", location.href).href,
          title: doc[1], date: doc[2], source: doc[3], lang: doc[4], snippet: "", doc: h[1]
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
      return Promise.all([load(positionFile(m, i)), load(m.termFiles[i])]);
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
    var k1 = m.bm25[0], b = m.bm25[1], scale = m.bm25[2], count = m.bm25[3] || m.docs;
    // The document frequency rounded up to its 5 leading binary digits, as search/scoring.py idf does.
    var shift = Math.max(32 - Math.clz32(df) - 5, 0);
    df = Math.min(Math.ceil(df / Math.pow(2, shift)) * Math.pow(2, shift), count);
    // The term-frequency factor tends to k1 + 1 and never reaches it; rounding may overshoot.
    var saturated = Math.min(impact / (scale * Math.log(1 + (count - df + 0.5) / (df + 0.5))), k1 + 0.95);
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
      hits.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; });
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

  S.applyPositions = applyPositions;
  S.docShard = docShard;
  S.lengthRatio = lengthRatio;
  S.reranked = reranked;
  S.resultsOf = resultsOf;
  S.suggestion = suggestion;
  S.withoutPhrases = withoutPhrases;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
