/* The search page: the form, its filters, and the results as they come.
   The search page loads static/search/*.js in order (templates/search.html); they share
   window.newsarchiveSearch. */
(function (S) {
  "use strict";

  var marker = S.marker, withPassages = S.withPassages, search = S.search;

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

  /* A row's snippet filled in once its excerpt is loaded: for the rows in view, or about to be
     (the excerpts of a page of results are most of its bytes). */
  function upgrade(found, rows, mine) {
    withPassages(found, rows).then(function () {
      if (mine !== serial) return;
      rows.forEach(function (r) {
        if (!r.passage || !r.snippetElement || r.snippetElement.textContent === r.passage) return;
        var snippet = highlighted(document.createElement("p"), r.passage, found.isMatch, r.lang);
        snippet.className = "summary";
        r.snippetElement.replaceWith(snippet);
        r.snippetElement = snippet;
      });
    }, function () { /* the snippets stay empty */ });
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
    /* The list is shown as soon as its headings are loaded; each snippet fills in its place, of a
       fixed height (style.css), when the passage is there: nothing below it moves. */
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
})(window.newsarchiveSearch = window.newsarchiveSearch || {});
