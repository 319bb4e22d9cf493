/* Queries: words, phrases and exclusions, the index terms they match, and the completions of
   a word being typed.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var lowerWords = S.lowerWords, termOf = S.termOf, words = S.words, shardOf = S.shardOf;

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
      // The terms it may be a longer form of (completions) are looked for only in the shards its
      // own terms load: they are most often its stem, and their own shard would be one more request.
      for (var i = shardOf(m, prefix); i <= shardOf(m, prefix + "\uffff"); i++) need[i] = true;
    });
    return Object.keys(need).map(Number);
  }

  var PREFIX_WEIGHT = 0.5;
  var MAX_PREFIX_TERMS = 60;

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

  S.PREFIX_WEIGHT = PREFIX_WEIGHT;
  S.completions = completions;
  S.parse = parse;
  S.prefixForms = prefixForms;
  S.shardsFor = shardsFor;
  S.variants = variants;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
