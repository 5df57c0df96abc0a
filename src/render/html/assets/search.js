/*
 * The search page's glue: form, URL and results. The engine (assets/search-engine.js, built
 * from src/core/search/site-engine.ts) does the searching; this script gives it a loader
 * that adds a <script> tag per data file (search/<name>.js calls window.releasesData), so
 * search works from file:// and under the site's CSP: no fetch, no eval, no innerHTML.
 */
(function () {
  'use strict';
  var PAGE = 10;
  var FIELDS = {
    q: 'q',
    year: 'f-year',
    partner: 'f-partner',
    lang: 'f-lang',
    from: 'f-from',
    to: 'f-to',
    person: 'f-person',
    tag: 'f-tag',
  };
  var NAMES = Object.keys(FIELDS);
  var pending = {};
  var engine = null;
  var form = document.getElementById('search');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var more = document.getElementById('more');
  var langNames = {};
  var current = null;
  var serial = 0;
  var typing = false;
  var timer = 0;

  function load(name) {
    return new Promise(function (resolve, reject) {
      pending[name] = resolve;
      var s = document.createElement('script');
      s.src = 'search/' + name + '.js';
      s.onload = function () {
        s.remove();
      };
      s.onerror = function () {
        delete pending[name];
        s.remove();
        reject(new Error('search/' + name + '.js did not load'));
      };
      document.head.appendChild(s);
    });
  }

  window.releasesData = function (name, payload) {
    if (name === 'meta') return start(payload);
    var done = pending[name];
    delete pending[name];
    if (done) done(payload);
  };

  function field(name) {
    return document.getElementById(FIELDS[name]);
  }

  function readForm() {
    var state = {};
    NAMES.forEach(function (n) {
      state[n] = field(n).value.trim();
    });
    return state;
  }

  function writeForm(state) {
    NAMES.forEach(function (n) {
      field(n).value = state[n] || '';
    });
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    NAMES.forEach(function (n) {
      state[n] = (params.get(n) || '').trim();
    });
    return state;
  }

  function paramsOf(state) {
    var params = new URLSearchParams();
    NAMES.forEach(function (n) {
      if (state[n]) params.set(n, state[n]);
    });
    return params.toString();
  }

  function urlOf(state) {
    var text = paramsOf(state);
    return window.location.pathname + (text ? '?' + text : '');
  }

  function say(n) {
    if (n === 0) return status.getAttribute('data-none');
    if (n === 1) return status.getAttribute('data-one');
    return status.getAttribute('data-many').replace('{n}', String(n));
  }

  /* Text with its matches in <mark>, as DOM nodes: nothing from the data is ever markup. */
  function marked(snippet, into) {
    var at = 0;
    snippet.matches.forEach(function (m) {
      if (m.start < at) return;
      into.appendChild(document.createTextNode(snippet.text.slice(at, m.start)));
      var mark = document.createElement('mark');
      mark.textContent = snippet.text.slice(m.start, m.end);
      into.appendChild(mark);
      at = m.end;
    });
    into.appendChild(document.createTextNode(snippet.text.slice(at)));
    return into;
  }

  function item(hit) {
    var li = document.createElement('li');
    if (hit.lang !== document.documentElement.lang) li.lang = hit.lang;
    var a = marked(hit.title, document.createElement('a'));
    a.href = hit.page;
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = [hit.period, hit.place, hit.partners, langNames[hit.lang] || hit.lang].filter(Boolean).join(' · ');
    var excerpt = marked(hit.excerpt, document.createElement('p'));
    excerpt.className = 'excerpt';
    li.appendChild(a);
    li.appendChild(meta);
    if (hit.people.text) {
      var people = marked(hit.people, document.createElement('span'));
      people.className = 'meta people';
      li.appendChild(people);
    }
    li.appendChild(excerpt);
    return li;
  }

  /* aria-busy while a search runs; data-state then says which search the list shows (tests wait on it). */
  function busy(on, state) {
    results.setAttribute('aria-busy', on ? 'true' : 'false');
    if (!on) results.setAttribute('data-state', state);
  }

  function showMore(my, focus) {
    var docs = current.result.docs.slice(current.shown, current.shown + PAGE);
    return Promise.all(
      docs.map(function (d) {
        return engine.hit(d, current.result.test);
      }),
    ).then(function (hits) {
      if (my !== serial) return;
      var first = null;
      var list = document.createDocumentFragment();
      hits.forEach(function (h) {
        var li = item(h);
        first = first || li;
        list.appendChild(li);
      });
      if (current.shown === 0) results.replaceChildren(list);
      else results.appendChild(list);
      current.shown += hits.length;
      more.hidden = current.shown >= current.result.docs.length;
      if (focus && first) first.querySelector('a').focus();
    });
  }

  function run() {
    var state = readForm();
    var my = ++serial;
    var key = paramsOf(state);
    busy(true);
    status.textContent = status.getAttribute('data-loading');
    return engine
      .search(state)
      .then(function (result) {
        if (my !== serial) return;
        if (!result.asked) {
          current = null;
          results.replaceChildren();
          more.hidden = true;
          status.textContent = '';
          busy(false, key);
          return;
        }
        current = { result: result, shown: 0 };
        return showMore(my, false).then(function () {
          if (my !== serial) return;
          status.textContent = say(result.docs.length);
          busy(false, key);
        });
      })
      .catch(function (e) {
        if (my !== serial) return;
        status.textContent = String(e?.message || e);
        busy(false, key);
      });
  }

  function commit(push) {
    var url = urlOf(readForm());
    if (url !== window.location.pathname + window.location.search) {
      if (push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  }

  function start(meta) {
    if (!form || !window.ReleasesSearch) return;
    engine = new window.ReleasesSearch.SiteSearch(meta, load);
    Array.prototype.forEach.call(field('lang').options, function (o) {
      if (o.value) langNames[o.value] = o.textContent;
    });
    writeForm(fromUrl());
    // A form sent from another page names every field, empty ones too: keep the URL short.
    window.history.replaceState(null, '', urlOf(readForm()));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      typing = false;
      commit(true);
      schedule();
    });
    field('q').addEventListener('input', function () {
      // One history entry per stretch of typing; Back returns to the search before it.
      commit(!typing);
      typing = true;
      schedule();
    });
    NAMES.forEach(function (n) {
      if (n !== 'q')
        field(n).addEventListener('change', function () {
          typing = false;
          commit(true);
          schedule();
        });
    });
    more.addEventListener('click', function () {
      if (current) showMore(serial, true);
    });
    window.addEventListener('popstate', function () {
      typing = false;
      writeForm(fromUrl());
      schedule();
    });
    run();
  }
})();
