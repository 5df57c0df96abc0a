/*
 * Search and filters of the exported site. Runs from file:// and under a CSP of
 * script-src 'self': no fetch, no inline script, no innerHTML. The index arrives as
 * script files (search/index-N.js) that call window.releasesChunk. Text is folded exactly
 * as the CLI folds it, with the table generated from src/core/fold.ts (search/fold.js).
 */
(function () {
  'use strict';
  var cfg = window.RELEASES_SEARCH || { chunks: 0, fields: [] };
  var table = window.RELEASES_FOLD || {};
  var CYRILLIC = /[\u0400-\u04ff]/g;
  var MARKS = /[\u0300-\u036f]/g;

  function fold(text) {
    return text.normalize('NFC').toLowerCase()
      .replace(CYRILLIC, function (c) { var v = table[c]; return v === undefined ? c : v; })
      .normalize('NFD').replace(MARKS, '').normalize('NFC');
  }
  window.releasesFold = fold;

  var options = { fields: cfg.fields, processTerm: function (t) { return fold(t) || null; } };
  var searchOptions = {
    prefix: true,
    fuzzy: function (term) { return term.length > 3 ? 0.2 : false; },
    combineWith: 'AND',
    boost: { title: 2, names: 1.5 }
  };
  var chunks = [];
  var loaded = 0;
  var requested = false;

  var form = document.getElementById('search');
  if (!form) return;
  var q = document.getElementById('q');
  var fYear = document.getElementById('f-year');
  var fPartner = document.getElementById('f-partner');
  var fLang = document.getElementById('f-lang');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var all = document.getElementById('all');
  var items = all ? Array.prototype.slice.call(all.children) : [];

  window.releasesChunk = function (n, json, docs) {
    chunks[n] = { index: window.MiniSearch.loadJSON(json, options), docs: docs };
    loaded++;
    if (loaded === cfg.chunks) window.releasesSearchReady = true;
    // Chunks hold the newest releases first: answer with what has arrived, refine as more comes.
    if (q.value.trim()) update();
  };

  function load() {
    if (requested) return;
    requested = true;
    for (var i = 0; i < cfg.chunks; i++) {
      var s = document.createElement('script');
      s.src = 'search/index-' + i + '.js';
      document.head.appendChild(s);
    }
  }

  function has(list, value) {
    return value === '' || (' ' + list + ' ').indexOf(' ' + value + ' ') >= 0;
  }

  function accepts(years, partners, lang) {
    return has(years, fYear.value) && has(partners, fPartner.value) && (fLang.value === '' || lang === fLang.value);
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
    a.href = doc[0];
    a.textContent = doc[1];
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = doc[3] + (doc[6] ? ' · ' + doc[6] : '');
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(meta);
    return li;
  }

  function update() {
    var query = q.value.trim();
    if (!query) {
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var li = items[i];
        var ok = accepts(li.getAttribute('data-y'), li.getAttribute('data-p'), li.getAttribute('data-l'));
        li.hidden = !ok;
        if (ok) shown++;
      }
      results.hidden = true;
      if (all) all.hidden = false;
      status.textContent = fYear.value || fPartner.value || fLang.value ? say(shown) : '';
      return;
    }
    load();
    if (loaded === 0) {
      status.textContent = status.getAttribute('data-loading');
      return;
    }
    var hits = [];
    for (var c = 0; c < chunks.length; c++) {
      if (!chunks[c]) continue;
      var found = chunks[c].index.search(query, searchOptions);
      for (var h = 0; h < found.length; h++) {
        var doc = chunks[c].docs[found[h].id];
        if (accepts(doc[4], doc[5], doc[2])) hits.push({ score: found[h].score, doc: doc });
      }
    }
    hits.sort(function (a, b) { return b.score - a.score; });
    var list = document.createDocumentFragment();
    for (var k = 0; k < hits.length && k < 100; k++) list.appendChild(hitItem(hits[k].doc));
    results.replaceChildren(list);
    results.hidden = false;
    if (all) all.hidden = true;
    status.textContent = say(hits.length) + (loaded < cfg.chunks ? ' ' + status.getAttribute('data-loading') : '');
  }

  // One query per animation frame at most: fast typing never queues stale searches.
  var frame = 0;
  function schedule() {
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; update(); });
  }

  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
  q.addEventListener('focus', load);
  q.addEventListener('input', function () { load(); schedule(); });
  [fYear, fPartner, fLang].forEach(function (s) { s.addEventListener('change', update); });
  var given = new URLSearchParams(window.location.search).get('q');
  if (given) { q.value = given; load(); update(); }
  // Load the index once the page is idle, so the first query rarely waits for it.
  window.addEventListener('load', function () { setTimeout(load, 50); });
})();
