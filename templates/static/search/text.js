/* Query text as the index has it: fold, words and termOf repeat generator/search/text.py
   exactly; the stemmers are static/stem/*.js, loaded by the search page before these scripts.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

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

  S.CJK_RUN = CJK_RUN;
  S.fold = fold;
  S.lowerWords = lowerWords;
  S.stemmerOf = stemmerOf;
  S.termOf = termOf;
  S.words = words;
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
