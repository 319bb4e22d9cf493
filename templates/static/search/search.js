/* The search itself, and window.searchArchive, the contract the benchmark harness and other
   pages use.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var fold = S.fold, lowerWords = S.lowerWords, termOf = S.termOf, words = S.words, has = S.has,
      load = S.load, manifest = S.manifest, postings = S.postings, shardOf = S.shardOf,
      parse = S.parse, prefixForms = S.prefixForms, shardsFor = S.shardsFor, variants = S.variants,
      typoEligible = S.typoEligible, typoLoad = S.typoLoad, wordScores = S.wordScores,
      applyPositions = S.applyPositions, lengthRatio = S.lengthRatio, reranked = S.reranked,
      resultsOf = S.resultsOf, suggestion = S.suggestion, withoutPhrases = S.withoutPhrases,
      withPassages = S.withPassages;

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

  /* A visit that asks a second question is browsing the archive: while its reader reads, every
     document shard is loaded (at 10,000 articles, 50 of about 5 KiB gzipped), so that a later
     query's results need no second round of requests after their term shards; from its third
     question on, every term shard too (at 10,000 articles, 216 of about 20 KiB), so that a later
     query's results need no request (a word found nowhere still loads a reverse shard). Only where the shards are few: document shards that a visit's
     queries share (search/shards.py SHARED_DOC_SHARDS), a term index of about 5 MiB at most. A
     visit that asks one question, however long it takes to type, loads only what its answers need. */
  var IDLE_DOC_SHARDS = 100;
  var IDLE_TERM_SHARDS = 250;
  var questions = 0, lastQuery = null;
  function afterAnswer(m, query) {
    query = query.trim().toLowerCase();
    if (lastQuery === null || !(query.indexOf(lastQuery) === 0 || lastQuery.indexOf(query) === 0)) questions++;
    lastQuery = query;
    if (questions < 2 || m.docFiles.length > IDLE_DOC_SHARDS) return;
    var names = m.docFiles.slice().reverse();  // newest first
    if (questions >= 3 && m.termFiles.length <= IDLE_TERM_SHARDS) names = names.concat(m.termFiles);
    S.prefetch(names);
  }

  function search(query, options) {
    S.searchRuns(true);
    return Promise.resolve().then(function () { return find(query, options); }).then(function (answer) {
      S.searchRuns(false);
      if (answer.manifest) afterAnswer(answer.manifest, String(query));
      return answer;
    }, function (error) {
      S.searchRuns(false);
      throw error;
    });
  }

  function find(query, options) {
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
          kept.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; });
          return { hits: kept, words: required.concat(optional), terms: terms,
                   suggestion: suggestion(parsed, required, perWord, kept),
                   inTitle: function (doc) { return perWord.every(function (w) { return w.inTitle(doc); }); } };
        });
      }).then(function (found) {
        var queryWords = found.words.filter(function (i) { return !m.stop[i.word]; });
        var ranked = options.sort ? Promise.resolve(found.hits.slice()) : reranked(m, found.hits, queryWords, found.inTitle);
        return ranked.then(function (hits) {
          if (options.sort === "newest") hits.sort(function (a, b) { return b[1] - a[1]; });  // doc 0 is the oldest
          else if (options.sort === "oldest") hits.sort(function (a, b) { return a[1] - b[1]; });
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

  S.search = search;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
