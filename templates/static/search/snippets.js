/* Snippets: the passage of an article's text that best shows the query's words.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var fold = S.fold, load = S.load, shards = S.shards, variants = S.variants, docShard = S.docShard;

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

  /* The start of a text, cut like a passage: the snippet of an article none of whose words
     are marked (a correction, a word form the marks do not know). */
  function lead(text) {
    if (text.length <= PASSAGE_CHARS) return text;
    var cut = text.lastIndexOf(" ", PASSAGE_CHARS);
    return text.slice(0, cut > 0 ? cut : PASSAGE_CHARS) + " …";
  }

  /* Named by the document shard of `doc`, which a result shown has loaded (search/shards.py). */
  function excerptShard(m, doc) {
    var first = Math.floor(doc / m.docsPerShard) * m.docsPerShard;  // the document shard's first article
    return shards[docShard(m, doc)].excerpts[Math.floor(doc / m.excerptsPerShard) - Math.floor(first / m.excerptsPerShard)];
  }

  /* Each result's snippet made its best passage, once the excerpt shards of `results` are loaded;
     a result whose headline and text hold no query word gets its lead. */
  function withPassages(found, results) {
    var m = found.manifest;
    if (!m || !m.excerptsPerShard || !results.length) return Promise.resolve(results);
    var names = {};
    results.forEach(function (r) { names[excerptShard(m, r.doc)] = true; });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      var isMatch = found.isMatch || (found.isMatch = marker(found));
      results.forEach(function (r) {
        if (r.passage !== undefined) return;
        var text = shards[excerptShard(m, r.doc)][r.doc % m.excerptsPerShard] || "";
        // A text holding none of the words (a ticker, an earnings table) leaves the headline as
        // the only place they match: the snippet starts with it, as the index reads them together.
        r.passage = passage(text, isMatch) || (r.title ? passage(r.title + " · " + text, isMatch) : null) || lead(text);
        r.snippet = r.passage;
      });
      return results;
    });
  }

  S.marker = marker;
  S.withPassages = withPassages;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
