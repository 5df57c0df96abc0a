/*
 * Search and filters of the exported site. Runs from file:// and under a CSP of
 * script-src 'self': no fetch, no inline script, no innerHTML. The index arrives as
 * script files (search/index-N.js) that call window.releasesChunk with a sorted term
 * table, its postings and (in the first file) what each hit shows; the format is
 * described in src/render/html/search-terms.ts. Text is folded exactly as the CLI
 * folds it, with the table generated from src/core/fold.ts (search/fold.js).
 */
(function () {
  'use strict';
  var cfg = window.RELEASES_SEARCH || { chunks: 0, partners: [] };
  var foldMap = window.RELEASES_FOLD || {};
  var CYRILLIC = /[\u0400-\u04ff]/g;
  var MARKS = /[\u0300-\u036f]/g;
  var WORDS = /[^\p{L}\p{N}\p{M}]+/u;
  var PARTS = /[^\p{L}\p{N}]+/u;
  var SHOWN = 100;
  var FACTOR = { exact: 1, prefix: 0.5, fuzzy: 0.35 };

  function fold(text) {
    return text.normalize('NFC').toLowerCase()
      .replace(CYRILLIC, function (c) { var v = foldMap[c]; return v === undefined ? c : v; })
      .normalize('NFD').replace(MARKS, '').normalize('NFC');
  }
  window.releasesFold = fold;

  function terms(text) {
    var out = [];
    text.split(WORDS).forEach(function (w) {
      if (w) fold(w).split(PARTS).forEach(function (t) { if (t && out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  }

  /* When each part arrived (performance.now()), for the speed tests. */
  var timing = window.releasesTiming = { script: performance.now() };
  var parts = [];
  var names = null; /* the partner table: term → partner numbers */
  var lines = null; /* one tab-separated line per release, newest first */
  var rows = [];
  var partnerDocs = null;
  var loaded = 0;
  var requested = 1; // index-0.js is in the page itself
  var partnerNumber = {};
  cfg.partners.forEach(function (slug, i) { partnerNumber[slug] = String(i); });

  /* [page slug, title, lang, period, years, partner numbers, place] of release i. */
  function doc(i) {
    return rows[i] || (rows[i] = lines[i].split('\t'));
  }

  function docsOfPartner(n) {
    if (!partnerDocs) {
      partnerDocs = [];
      for (var i = 0; i < lines.length; i++) {
        var list = doc(i)[5];
        if (list) list.split(' ').forEach(function (p) { (partnerDocs[p] || (partnerDocs[p] = [])).push(i); });
      }
    }
    return partnerDocs[n] || [];
  }

  function table(termText, postingText) {
    return { terms: termText ? termText.split('\n') : [], postings: postingText ? postingText.split('\n') : [], decoded: {} };
  }

  var form = document.getElementById('search');
  var q = document.getElementById('q');
  var fYear = document.getElementById('f-year');
  var fPartner = document.getElementById('f-partner');
  var fLang = document.getElementById('f-lang');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var latest = document.getElementById('latest');

  window.releasesChunk = function (n, termText, postingText, docText, nameText, namePostings) {
    timing['call' + n] = performance.now();
    parts[n] = table(termText, postingText);
    if (docText) lines = docText.split('\n');
    if (nameText !== undefined) names = table(nameText, namePostings);
    loaded++;
    timing['chunk' + n] = performance.now();
    if (loaded === cfg.chunks) window.releasesSearchReady = true;
    // The box appears once it can answer (the first file holds what every answer needs).
    if (form && docText) form.hidden = false;
    if (form && (q.value.trim() || filtered())) schedule();
    // Prepare the partner lists while the reader is still looking at the page.
    else if (docText) setTimeout(function () { docsOfPartner(0); }, 0);
  };

  function loadRest() {
    for (; requested < cfg.chunks; requested++) {
      var s = document.createElement('script');
      s.src = 'search/index-' + requested + '.js';
      document.head.appendChild(s);
    }
  }

  /* Postings of term i of a table, decoded once: [numbers, weights] (format: search-terms.ts). */
  function postings(part, i) {
    var hit = part.decoded[i];
    if (hit) return hit;
    var text = part.postings[i];
    var ids = [];
    var weights = [];
    var id = 0;
    var num = 0;
    var inWeight = false;
    for (var k = 0; k <= text.length; k++) {
      var c = k < text.length ? text.charCodeAt(k) : 44;
      if (c === 44) { // ,
        if (inWeight) weights.push(num); else { id += num; ids.push(id); weights.push(2); }
        num = 0;
        inWeight = false;
      } else if (c === 46) { // .
        id += num;
        ids.push(id);
        num = 0;
        inWeight = true;
      } else num = num * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    return (part.decoded[i] = [ids, weights]);
  }

  function lowerBound(list, value) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Edit distance of a and b, or max + 1 once it must exceed max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [];
    var cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      var t = prev; prev = cur; cur = t;
    }
    return prev[b.length];
  }

  /* The terms of one part a query word stands for: itself, words it starts, near misspellings. */
  function expand(part, word) {
    var out = [];
    var seen = {};
    var i = lowerBound(part.terms, word);
    if (part.terms[i] === word) { out.push([i, FACTOR.exact]); seen[i] = true; i++; }
    // One letter would start half the vocabulary: wait for the second.
    for (; word.length > 1 && i < part.terms.length && part.terms[i].lastIndexOf(word, 0) === 0; i++) {
      out.push([i, FACTOR.prefix]);
      seen[i] = true;
    }
    if (word.length > 3) {
      var max = Math.min(6, Math.round(word.length * 0.2));
      for (var k = 0; k < part.terms.length; k++) {
        if (!seen[k] && distance(word, part.terms[k], max) <= max) out.push([k, FACTOR.fuzzy]);
      }
    }
    return out;
  }

  /*
   * BM25-like ranking over every loaded table; a release must match every query word,
   * through its own words or through the names of one of its partners.
   */
  function search(query) {
    var words = terms(query).slice(0, 32);
    if (!words.length || !lines) return [];
    var n = lines.length;
    var score = new Float64Array(n);
    var matched = new Uint8Array(n);
    var best = new Float64Array(n);
    var touched;
    function hit(d, s, w) {
      if (matched[d] !== w) return;
      if (best[d] === 0) touched.push(d);
      if (s > best[d]) best[d] = s;
    }
    function idf(count) {
      return Math.log(1 + (n - count + 0.5) / (count + 0.5));
    }
    for (var w = 0; w < words.length; w++) {
      touched = [];
      for (var p = 0; p < parts.length; p++) {
        if (!parts[p]) continue;
        var found = expand(parts[p], words[w]);
        for (var f = 0; f < found.length; f++) {
          var list = postings(parts[p], found[f][0]);
          var weight = found[f][1] * idf(list[0].length);
          for (var k = 0; k < list[0].length; k++) {
            var tf = list[1][k] / 2;
            hit(list[0][k], weight * (tf * 2.2) / (tf + 1.2), w);
          }
        }
      }
      var partners = names ? expand(names, words[w]) : [];
      for (var g = 0; g < partners.length; g++) {
        var ps = postings(names, partners[g][0])[0];
        for (var m = 0; m < ps.length; m++) {
          var docs = docsOfPartner(ps[m]);
          var s = partners[g][1] * idf(docs.length) * 1.5;
          for (var j = 0; j < docs.length; j++) hit(docs[j], s, w);
        }
      }
      for (var t = 0; t < touched.length; t++) {
        matched[touched[t]] = w + 1;
        score[touched[t]] += best[touched[t]];
        best[touched[t]] = 0;
      }
    }
    var hits = [];
    for (var i = 0; i < n; i++) if (matched[i] === words.length && accepts(doc(i))) hits.push(i);
    // Best score first; ties keep the newest release first.
    hits.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return hits;
  }

  function has(list, value) {
    return value === '' || (' ' + list + ' ').indexOf(' ' + value + ' ') >= 0;
  }

  function accepts(doc) {
    return has(doc[4], fYear.value) && (fPartner.value === '' || has(doc[5], partnerNumber[fPartner.value])) && (fLang.value === '' || doc[2] === fLang.value);
  }

  function filtered() {
    return Boolean(fYear.value || fPartner.value || fLang.value);
  }

  function say(n) {
    if (n === 0) return status.getAttribute('data-none');
    if (n === 1) return status.getAttribute('data-one');
    return status.getAttribute('data-many').replace('{n}', String(n));
  }

  function hitItem(doc) {
    var li = document.createElement('li');
    if (doc[2] !== document.documentElement.lang) li.lang = doc[2];
    var a = document.createElement('a');
    a.href = 'r/' + doc[0] + '.html';
    a.textContent = doc[1];
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = doc[3] + (doc[6] ? ' · ' + doc[6] : '');
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(meta);
    return li;
  }

  function show(hits) {
    var list = document.createDocumentFragment();
    for (var k = 0; k < hits.length && k < SHOWN; k++) list.appendChild(hitItem(doc(hits[k])));
    results.replaceChildren(list);
    results.hidden = false;
    if (latest) latest.hidden = true;
  }

  function update() {
    var query = q.value.trim();
    if (!query && !filtered()) {
      results.hidden = true;
      results.replaceChildren();
      if (latest) latest.hidden = false;
      status.textContent = '';
      return;
    }
    if (!lines) {
      status.textContent = status.getAttribute('data-loading');
      return;
    }
    var hits = [];
    if (query) hits = search(query);
    else for (var i = 0; i < lines.length; i++) if (accepts(doc(i))) hits.push(i);
    show(hits);
    status.textContent = say(hits.length) + (query && loaded < cfg.chunks ? ' ' + status.getAttribute('data-loading') : '');
  }

  // One query per turn of the event loop: fast typing never queues stale searches.
  var frame = 0;
  function schedule() {
    if (!frame) frame = setTimeout(function () { frame = 0; update(); }, 0);
  }

  /* The hrefs a query finds, best first, as the page would list them (for tests). */
  window.releasesSearch = function (query) {
    return search(query).map(function (i) { return 'r/' + doc(i)[0] + '.html'; });
  };

  if (!form) return;
  if (lines) form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
  q.addEventListener('focus', loadRest);
  q.addEventListener('input', function () { loadRest(); schedule(); });
  [fYear, fPartner, fLang].forEach(function (s) { s.addEventListener('change', update); });
  var given = new URLSearchParams(window.location.search).get('q');
  if (given) q.value = given;
  // The summaries come once the page is idle; the first index file is loaded by the page itself.
  window.addEventListener('load', function () { setTimeout(loadRest, 50); });
  if (given) schedule();
})();
