// The site-wide search (soeg/index.html). No framework: it reads the index that the build
// writes from the model (IndsatsRender/Search/SearchIndex.swift) as small script files, so it
// works over http:// and from disk (file://, where fetch() of JSON is blocked).
//
// Text is read as the build reads it (SearchText.swift; keep the two in step): lower case,
// æ → ae, ø → o, å → aa, accents dropped, "oe" → "o"; words are runs of letters and digits of
// two characters or more. A query word loses one inflectional ending (if four characters
// remain) and matches every word of the site that begins with the rest; a word of two
// characters matches only itself. Every query word must match; a document scores per word
// 2 × its best weight (title 3, lead fields 2, elsewhere 1), plus 1 for the very word.
(function () {
  'use strict';
  var box = document.getElementById('soeg');
  if (!box) return;
  var root = box.getAttribute('data-root') || '';
  var total = parseInt(box.getAttribute('data-docs'), 10) || 0;
  var chunk = parseInt(box.getAttribute('data-chunk'), 10) || 8;
  var base = root + 'soeg/';
  var input = document.getElementById('soeg-q');
  var status = document.getElementById('soeg-status');
  var list = document.getElementById('soeg-resultater');
  var moreLine = document.getElementById('soeg-flere-linje');
  var more = document.getElementById('soeg-flere');
  var PAGE = 10;
  var ENDINGS = ['erne', 'ende', 'ene', 'ere', 'ede', 'er', 'en', 'et', 'e', 's'];
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  Array.prototype.forEach.call(document.querySelectorAll('.search-noscript'), function (p) {
    p.textContent = 'Finder du ikke det, du leder efter, kan du også gå herfra:';
  });

  // --- loading the index's script files ---------------------------------------------------
  var loaded = {};
  var waiting = {};
  var files = [];
  function settle(name, value) {
    loaded[name] = value;
    var callbacks = waiting[name] || [];
    delete waiting[name];
    callbacks.forEach(function (callback) { callback(value); });
  }
  window.indsatsSearch = {
    add: function (name, value) { settle(name, value); },
    files: files,
    query: function (text) { input.value = text; return search(text); },
    lastMilliseconds: null
  };
  function load(name) {
    return new Promise(function (resolve) {
      if (Object.prototype.hasOwnProperty.call(loaded, name)) return resolve(loaded[name]);
      if (waiting[name]) return waiting[name].push(resolve);
      waiting[name] = [resolve];
      var script = document.createElement('script');
      script.src = base + name + '.js';
      files.push('soeg/' + name + '.js');
      // A shard that does not exist holds no terms: no words of the site begin so.
      script.onerror = function () { settle(name, null); script.remove(); };
      script.onload = function () { if (waiting[name]) settle(name, null); script.remove(); };
      document.head.appendChild(script);
    });
  }

  // --- reading text as the build does -----------------------------------------------------
  function fold(text) {
    return text.toLowerCase().replace(/[æøå]/g, function (c) { return c === 'æ' ? 'ae' : c === 'ø' ? 'o' : 'aa'; })
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  function foldWord(word) { return fold(word).replace(/oe/g, 'o'); }
  function length(text) { return Array.from(text).length; }
  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).map(function (w) { return w.replace(/oe/g, 'o'); })
      .filter(function (w) { return length(w) > 1; });
  }
  function stem(word) {
    var n = length(word);
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.endsWith(e) && n - e.length >= 4) return word.slice(0, word.length - e.length);
    }
    return word;
  }
  function shardFile(term) {
    return 't/' + Array.from(term).slice(0, 3).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16);
    }).join('');
  }
  function matches(term, s) { return length(s) < 3 ? term === s : term.startsWith(s); }

  // A set of documents: gaps in base 64 (5 bits a character, 32 = more follows), or after
  // "!" a bitmap with 6 documents a character.
  function decode(set, each) {
    if (!set) return;
    if (set.charCodeAt(0) === 33) {
      for (var i = 1; i < set.length; i++) {
        var bits = DIGIT[set.charCodeAt(i)];
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) each((i - 1) * 6 + b);
      }
      return;
    }
    var doc = -1, gap = 0, shift = 0;
    for (var j = 0; j < set.length; j++) {
      var v = DIGIT[set.charCodeAt(j)];
      gap += (v & 31) * Math.pow(2, shift);
      if (v & 32) { shift += 5; continue; }
      doc += gap + 1;
      each(doc);
      gap = 0; shift = 0;
    }
  }

  // --- searching --------------------------------------------------------------------------
  var serial = 0;
  var current = { docs: [], shown: 0, stems: [], text: '' };

  function search(text) {
    var started = performance.now();
    var mine = ++serial;
    var query = Array.from(new Set(words(text)));
    var stems = query.map(stem);
    if (!query.length) {
      show(mine, text, [], stems, started);
      return Promise.resolve();
    }
    return Promise.all(stems.map(function (s) { return load(shardFile(s)); })).then(function (shards) {
      if (mine !== serial) return;
      var sum = null;
      stems.forEach(function (s, w) {
        var score = new Uint8Array(total);
        var shard = shards[w] || {};
        Object.keys(shard).forEach(function (term) {
          if (!matches(term, s)) return;
          var exact = term === s || term === query[w] ? 1 : 0;
          shard[term].forEach(function (set, k) {
            var value = (3 - k) * 2 + exact;
            decode(set, function (doc) { if (score[doc] < value) score[doc] = value; });
          });
        });
        if (!sum) { sum = new Uint16Array(score); return; }
        for (var d = 0; d < total; d++) sum[d] = sum[d] && score[d] ? sum[d] + score[d] : 0;
      });
      var docs = [];
      for (var d = 0; d < total; d++) if (sum[d]) docs.push(d);
      docs.sort(function (a, b) { return sum[b] - sum[a] || a - b; });
      return show(mine, text, docs, stems, started);
    });
  }

  function show(mine, text, docs, stems, started) {
    current = { docs: docs, shown: 0, stems: stems, text: text.trim() };
    list.textContent = '';
    list.hidden = true;
    moreLine.hidden = true;
    if (!current.text) { status.textContent = ''; return Promise.resolve(); }
    if (!stems.length || !docs.length) {
      status.textContent = 'Ingen resultater for »' + current.text + '«. Prøv færre eller kortere ord (fx begyndelsen af et ord), ' +
        'eller brug en af vejene ind nedenfor.';
      window.indsatsSearch.lastMilliseconds = performance.now() - started;
      return Promise.resolve();
    }
    return showMore(mine).then(function () { window.indsatsSearch.lastMilliseconds = performance.now() - started; });
  }

  function showMore(mine) {
    var slice = current.docs.slice(current.shown, current.shown + PAGE);
    var chunks = Array.from(new Set(slice.map(function (d) { return Math.floor(d / chunk); })));
    return Promise.all(chunks.map(function (c) { return load('d/' + c); })).then(function () {
      if (mine !== serial) return;
      slice.forEach(function (d) {
        var rows = loaded['d/' + Math.floor(d / chunk)];
        if (rows && rows[d % chunk]) list.appendChild(result(rows[d % chunk]));
      });
      current.shown += slice.length;
      list.hidden = false;
      var n = current.docs.length;
      status.textContent = count(n, 'resultat', 'resultater') + ' for »' + current.text + '«' +
        (n > current.shown ? ', viser de første ' + number(current.shown) : '') + '.';
      moreLine.hidden = current.shown >= n;
    });
  }

  function result(row) {
    var item = document.createElement('li');
    var kind = document.createElement('p');
    kind.className = 'search-kind';
    kind.textContent = row[0];
    var heading = document.createElement('h2');
    var link = document.createElement('a');
    link.href = root + row[2] + (row[2] === '' || row[2].endsWith('/') ? 'index.html' : '');
    mark(link, row[1], current.stems);
    heading.appendChild(link);
    item.appendChild(kind);
    item.appendChild(heading);
    if (row[3]) {
      var snippet = document.createElement('p');
      snippet.className = 'search-snippet';
      mark(snippet, excerpt(row[3], current.stems), current.stems);
      item.appendChild(snippet);
    }
    return item;
  }

  // The excerpt from a little before its first matching word, if that is far in.
  function excerpt(text, stems) {
    var re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text))) {
      if (!hit(m[0], stems)) continue;
      if (m.index < 120) return text;
      var from = text.lastIndexOf(' ', m.index - 50);
      return '… ' + text.slice(from + 1);
    }
    return text;
  }
  function hit(word, stems) {
    var folded = foldWord(word);
    return stems.some(function (s) { return matches(folded, s); });
  }

  // Puts `text` into `element` as text nodes, with every matching word in a <mark>.
  function mark(element, text, stems) {
    var re = /[\p{L}\p{N}]+/gu, m, at = 0;
    while ((m = re.exec(text))) {
      if (!hit(m[0], stems)) continue;
      if (m.index > at) element.appendChild(document.createTextNode(text.slice(at, m.index)));
      var marked = document.createElement('mark');
      marked.textContent = m[0];
      element.appendChild(marked);
      at = m.index + m[0].length;
    }
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
  }

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  function count(n, one, many) { return number(n) + ' ' + (n === 1 ? one : many); }

  // --- wiring -----------------------------------------------------------------------------
  input.addEventListener('input', function () {
    var url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value); else url.searchParams.delete('q');
    try { history.replaceState(null, '', url.href); } catch (e) { /* file:// in some browsers */ }
    search(input.value);
  });
  input.form.addEventListener('submit', function (event) { event.preventDefault(); search(input.value); });
  more.addEventListener('click', function () { showMore(serial); });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();
