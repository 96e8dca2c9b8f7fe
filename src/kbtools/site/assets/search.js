// The site's property search: answers Material's search box from search/kbtools-index.json.
// Ranking: the property name first, then title, summary and the sentences; Chinese by
// overlapping bigrams with a boost for the whole query (or a machine-translation variant of it)
// and for sentences that hold all of it; English by stemmed words with a boost for adjacent ones.
(function () {
  "use strict";
  var INDEX = "search/kbtools-index.json";
  var LIMIT = 20;
  var WEIGHT = { name: 8, title: 6, words: 5, summary: 3, body: 1.5 };
  var CJK = /[\u3400-\u9fff]/;
  var STOP = { a: 1, an: 1, the: 1, of: 1, to: 1, in: 1, on: 1, "for": 1, and: 1, or: 1, is: 1, by: 1, with: 1, from: 1, at: 1, as: 1 };
  var PARTICLES = /[的之在要將把被了]/; // Chinese function words that split a query into phrases

  var state = { index: null, loading: null, base: "" };
  // The site's words and locale (kbtools.site.locale), from the page's <meta>.
  var MESSAGES = (function () {
    var meta = document.querySelector('meta[name="kbtools-messages"]');
    try { return meta ? JSON.parse(meta.getAttribute("content")) : {}; } catch (e) { return {}; }
  })();
  var LOCALE = MESSAGES.locale || document.documentElement.lang || "en-US";
  function say(key, values) {
    var text = MESSAGES[key] || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function number(value) {
    try { return new Intl.NumberFormat(LOCALE).format(value); } catch (e) { return String(value); }
  }

  function stem(word) {
    var rules = [["ies", "y"], ["sses", "ss"], ["xes", "x"], ["ches", "ch"], ["shes", "sh"]];
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0];
      if (word.length > suffix.length + 1 && word.slice(-suffix.length) === suffix) return word.slice(0, -suffix.length) + rules[i][1];
    }
    if (word.length > 3 && word.slice(-1) === "s" && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function normal(text) { return (text || "").normalize("NFKC").toLowerCase(); }

  // " word word " of stemmed English words: membership and adjacency by substring.
  // A camel-case identifier counts whole and by its parts: ProductCode -> productcode product code.
  function wordLine(text) {
    var words = [];
    ((text || "").normalize("NFKC").match(/[A-Za-z0-9]+/g) || []).forEach(function (token) {
      words.push(stem(token.toLowerCase()));
      var parts = token.match(/[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+/g) || [];
      if (parts.length > 1) parts.forEach(function (part) { words.push(stem(part.toLowerCase())); });
    });
    return " " + words.join(" ") + " ";
  }

  function prepare(index) {
    index.docs.forEach(function (doc) {
      doc.name = doc.n.toLowerCase();
      doc.nameTail = doc.name.replace(/^.*(\.|::)/, "");
      doc.nameWords = doc.w.map(function (w) { return w.toLowerCase(); });
      doc.words = " " + doc.w.concat(doc.a).map(function (w) { return stem(w.toLowerCase()); }).join(" ") + " ";
      doc.fields = [
        { weight: WEIGHT.title, zh: normal(doc.t[0]), en: wordLine(doc.t[1]) },
        { weight: WEIGHT.summary, zh: normal(doc.s[0]), en: wordLine(doc.s[1]) },
      ];
      doc.sentences = doc.g.map(function (g) { return { id: g[0], zh: normal(g[1]), en: wordLine(g[2]), g: g }; });
    });
    index.variantOf = {};
    index.variants.forEach(function (group) {
      group.forEach(function (word) { index.variantOf[word] = group.filter(function (w) { return w !== word; }); });
    });
    return index;
  }

  // The query as units to match: Chinese bigrams (and single characters), English stems.
  // The English words the corpus renders the phrase's Chinese words by (longest words first).
  function renderingsOf(phrase, renderings) {
    var found = [];
    var rest = phrase;
    for (var length = Math.min(6, rest.length); length >= 2; length--) {
      for (var i = 0; i + length <= rest.length; i++) {
        var word = rest.slice(i, i + length);
        if (renderings[word] && word.indexOf("\u0000") === -1) {
          if (found.indexOf(renderings[word]) === -1) found.push(renderings[word]);
          rest = rest.slice(0, i) + "\u0000".repeat(length) + rest.slice(i + length);
        }
      }
    }
    return found;
  }

  function parse(query, variantOf, renderings) {
    var text = normal(query).trim();
    var phrases = [];
    var english = [];
    var wholes = []; // Chinese runs that function words split: boosted where they occur whole
    (text.match(/[\u3400-\u9fff]+|[a-z0-9_.:]+/g) || []).forEach(function (part) {
      if (CJK.test(part)) {
        var pieces = part.split(PARTICLES).filter(Boolean);
        pieces.forEach(function (p) { phrases.push(p); });
        if (pieces.length && pieces.join("") !== part) wholes.push(part);
      } else english.push(part);
    });
    var words = [];
    english.forEach(function (part) {
      part.split(/[^a-z0-9]+/).forEach(function (w) { if (w && !STOP[w]) words.push(stem(w)); });
    });
    if (!words.length) english.forEach(function (part) { part.split(/[^a-z0-9]+/).forEach(function (w) { if (w) words.push(stem(w)); }); });
    // Each phrase with its variants: 重新開機之後 also as 重新啟動之後 when the corpus pairs the two.
    var alternatives = phrases.map(function (phrase) {
      var forms = [phrase];
      forms.english = renderingsOf(phrase, renderings);
      Object.keys(variantOf).forEach(function (word) {
        if (phrase.indexOf(word) === -1) return;
        variantOf[word].forEach(function (other) { forms.push(phrase.split(word).join(other)); });
      });
      return forms;
    });
    var raw = [];
    english.forEach(function (part) { part.split(/[^a-z0-9]+/).forEach(function (w) { if (w) raw.push(w); }); });
    return { text: text, compact: raw.join(""), raw: raw, words: words, phrases: alternatives, wholes: wholes };
  }

  function bigrams(phrase) {
    if (phrase.length < 2) return [phrase];
    var grams = [];
    for (var i = 0; i + 2 <= phrase.length; i++) grams.push(phrase.slice(i, i + 2));
    return grams;
  }

  // How well one text field holds a phrase: 1 for the whole phrase, else the share of its bigrams.
  function phraseIn(text, forms) {
    var best = 0;
    forms.forEach(function (form, i) {
      var penalty = i ? 0.9 : 1;
      if (text.indexOf(form) !== -1) { best = Math.max(best, penalty * (form.length > 1 ? 1.5 : 1)); return; }
      var grams = bigrams(form);
      var found = grams.filter(function (g) { return text.indexOf(g) !== -1; }).length;
      best = Math.max(best, penalty * found / grams.length * 0.8);
    });
    return best;
  }

  // How much of a Chinese phrase the English text holds through the corpus' renderings.
  function rendered(line, forms) {
    var english = forms.english || [];
    if (!english.length) return 0;
    var held = english.filter(function (w) { return line.indexOf(" " + w + " ") !== -1; }).length;
    return 0.7 * held / english.length;
  }

  // A rendering that a word of the property's name begins (暫存 -> temporary -> TempFolder).
  function renderedInName(doc, forms) {
    var english = forms.english || [];
    if (!english.length) return 0;
    var held = english.filter(function (w) {
      return doc.nameWords.some(function (n) { return n.length >= 4 && (w.indexOf(n) === 0 || n.indexOf(w) === 0); });
    }).length;
    return 0.7 * held / english.length;
  }

  function score(doc, query, rarity) {
    var total = 0;
    var named = 0;
    var best = { sentence: null, value: 0 };
    // The name: the query, or a run of its words, is the property's name (or begins or holds it).
    var compact = query.compact;
    if (compact.length >= 3) {
      if (compact === doc.name) named = 100;
      else if (compact === doc.nameTail) named = 90;
      else if (doc.nameTail.indexOf(compact) === 0 || doc.name.indexOf(compact) === 0) named = 40;
      else if (compact.length >= 5 && doc.name.indexOf(compact) !== -1) named = 30;
    }
    var raw = query.raw;
    for (var i = 0; i < raw.length; i++) {
      var run = "";
      for (var j = i; j < raw.length; j++) {
        run += raw[j];
        // One word of several naming a one-word property (path -> Error.Path) says little.
        // The property itself before the members of objects that share its name (Patch.ProductCode).
        if (j > i && run.length >= 4 && (run === doc.name || run === doc.nameTail)) named = Math.max(named, 60 * (j - i + 1) / raw.length + (run === doc.name ? 30 : 20));
        // Words run together inside an all-in-one name: help link -> ARPHELPLINK.
        else if (j > i && run.length >= 6 && doc.name.indexOf(run) !== -1) named = Math.max(named, 15 * (j - i + 1));
      }
    }
    // A Chinese phrase whose renderings are the words of the name: 產品版本 -> product version -> ProductVersion.
    query.phrases.forEach(function (forms) {
      var english = forms.english || [];
      if (english.length >= 2 && renderedInName(doc, forms) >= 0.7) named = Math.max(named, 35);
    });
    var units = query.words.map(function (w) { return { word: w, weight: rarity[w] }; })
      .concat(query.phrases.map(function (forms) { return { forms: forms, weight: rarity[forms[0]] }; }));
    var matched = 0;
    var wanted = 0;
    units.forEach(function (unit) {
      wanted += unit.weight;
      var top = 0;
      if (unit.word) {
        var padded = " " + unit.word + " ";
        if (doc.words.indexOf(padded) !== -1) top = WEIGHT.words;
        // A word that begins the name (programfile -> ProgramFilesFolder) matches the name itself.
        if (unit.word.length >= 4 && (doc.nameTail.indexOf(unit.word) === 0 || doc.name.indexOf(unit.word) === 0)) top = Math.max(top, WEIGHT.name * 0.8);
        doc.fields.forEach(function (f) { if (f.en.indexOf(padded) !== -1) top = Math.max(top, f.weight); });
        if (!top && doc.sentences.some(function (s) { return s.en.indexOf(padded) !== -1; })) top = WEIGHT.body;
        if (top) matched += unit.weight;
      } else {
        doc.fields.forEach(function (f) { top = Math.max(top, f.weight * Math.max(phraseIn(f.zh, unit.forms), rendered(f.en, unit.forms))); });
        top = Math.max(top, WEIGHT.words * rendered(doc.words, unit.forms), WEIGHT.words * renderedInName(doc, unit.forms));
        var inBody = 0;
        doc.sentences.forEach(function (s) { inBody = Math.max(inBody, phraseIn(s.zh, unit.forms), rendered(s.en, unit.forms)); });
        top = Math.max(top, WEIGHT.body * inBody);
        if (top) matched += unit.weight * Math.min(1, Math.max(inBody, top / WEIGHT.title));
      }
      total += unit.weight * top;
    });
    if (!wanted) return { value: total + named, sentence: null };
    // Proximity: the sentence that holds most of the query, all of it best.
    var englishPhrase = query.words.length > 1 ? " " + query.words.join(" ") + " " : null;
    var sentences = [{ zh: doc.fields[0].zh, en: doc.fields[0].en, id: null }, { zh: doc.fields[1].zh, en: doc.fields[1].en, id: null }].concat(doc.sentences);
    sentences.forEach(function (s, i) {
      var held = 0;
      units.forEach(function (unit) {
        if (unit.word) { if (s.en.indexOf(" " + unit.word + " ") !== -1) held += unit.weight; }
        else held += unit.weight * Math.min(1, Math.max(phraseIn(s.zh, unit.forms), rendered(s.en, unit.forms)));
      });
      var value = held / wanted;
      if (englishPhrase && s.en.indexOf(englishPhrase) !== -1) value += 0.5;
      query.wholes.forEach(function (whole) { if (s.zh.indexOf(whole) !== -1) value += 0.5; });
      if (value > best.value || (i >= 2 && best.sentence === null && value > 0 && value >= best.value)) {
        best = { value: value, sentence: i >= 2 ? doc.sentences[i - 2] : best.sentence };
      }
    });
    var coverage = named ? 1 : matched / wanted;
    total = total * coverage * coverage + 6 * best.value * best.value * wanted + named;
    return { value: total, sentence: best.sentence };
  }

  function search(index, text) {
    var query = parse(text, index.variantOf, index.renderings || {});
    if (!query.words.length && !query.phrases.length && query.compact.length < 3) return [];
    // Rarity of each unit over the properties: common words weigh little.
    var rarity = {};
    var n = index.docs.length;
    function count(test) { return index.docs.filter(test).length; }
    query.words.forEach(function (w) {
      var padded = " " + w + " ";
      var df = count(function (d) {
        return d.words.indexOf(padded) !== -1 || d.fields.some(function (f) { return f.en.indexOf(padded) !== -1; }) ||
          d.sentences.some(function (s) { return s.en.indexOf(padded) !== -1; });
      });
      rarity[w] = Math.log(1 + n / (1 + df));
    });
    query.phrases.forEach(function (forms) {
      var grams = bigrams(forms[0]);
      var sum = 0;
      grams.forEach(function (g) {
        var df = count(function (d) {
          return d.fields.some(function (f) { return f.zh.indexOf(g) !== -1; }) || d.sentences.some(function (s) { return s.zh.indexOf(g) !== -1; });
        });
        sum += Math.log(1 + n / (1 + df));
      });
      rarity[forms[0]] = sum / grams.length * Math.min(Math.sqrt(grams.length), 1.6);
    });
    var results = [];
    index.docs.forEach(function (doc) {
      var s = score(doc, query, rarity);
      if (s.value > 0) results.push({ doc: doc, value: s.value, sentence: s.sentence });
    });
    results.sort(function (a, b) { return b.value - a.value || a.doc.n.localeCompare(b.doc.n); });
    // `total` is every property that matches; `results` the first LIMIT of them.
    return { query: query, results: results.slice(0, LIMIT), total: results.length };
  }

  // Text with the query's matches in <mark>, built as DOM nodes (the index is data, never markup).
  function highlighted(text, query, english) {
    var fragment = document.createDocumentFragment();
    if (!text) return fragment;
    var lower = normal(text);
    var marks = new Array(text.length).fill(false);
    if (lower.length === text.length) {
      if (english) {
        // The query's English words, and the renderings of its Chinese ones.
        var wanted = query.words.slice();
        query.phrases.forEach(function (forms) { wanted = wanted.concat(forms.english || []); });
        var re = /[a-z0-9]+/g, m;
        while ((m = re.exec(lower))) {
          if (wanted.indexOf(stem(m[0])) !== -1) for (var i = m.index; i < m.index + m[0].length; i++) marks[i] = true;
        }
      } else {
        query.phrases.forEach(function (forms) {
          forms.forEach(function (form) {
            bigrams(form).forEach(function (g) {
              var at = lower.indexOf(g);
              while (at !== -1) { for (var j = at; j < at + g.length; j++) marks[j] = true; at = lower.indexOf(g, at + 1); }
            });
          });
        });
      }
    }
    var start = 0;
    for (var k = 1; k <= text.length; k++) {
      if (k === text.length || marks[k] !== marks[start]) {
        var piece = document.createTextNode(text.slice(start, k));
        if (marks[start]) { var mark = document.createElement("mark"); mark.appendChild(piece); fragment.appendChild(mark); }
        else fragment.appendChild(piece);
        start = k;
      }
    }
    return fragment;
  }

  function element(tag, className, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (lang) node.lang = lang;
    return node;
  }

  function pair(className, zh, en, query) {
    var box = element("div", className);
    var t = element("div", "kb-search-t", LOCALE);
    t.appendChild(highlighted(zh, query, false));
    box.appendChild(t);
    if (en && en !== zh) {
      var s = element("div", "kb-search-s", "en-US");
      s.appendChild(highlighted(en, query, true));
      box.appendChild(s);
    }
    return box;
  }

  function render(container, text, found) {
    var list = container.querySelector(".kb-search-results");
    var meta = container.querySelector(".kb-search-meta");
    list.textContent = "";
    var results = found.results || [];
    var total = found.total || results.length;
    meta.textContent = !text.trim() ? "" : !results.length ? say("search_none")
      : total > results.length ? say("search_first", { total: number(total), shown: number(results.length) })
      : say("search_count", { total: number(total) });
    results.forEach(function (result) {
      var doc = result.doc;
      var item = element("li", "kb-search-item");
      var link = element("a", "kb-search-hit");
      link.href = state.base + doc.u + (result.sentence ? "#seg-" + result.sentence.id : "");
      var head = element("div", "kb-search-head");
      var name = element("span", "kb-search-name");
      name.appendChild(highlighted(doc.n, found.query, true));
      head.appendChild(name);
      var kind = element("span", "kb-search-kind", LOCALE);
      kind.textContent = doc.k[0];
      kind.title = doc.k[1];
      head.appendChild(kind);
      link.appendChild(head);
      if (doc.s[0] || doc.s[1]) link.appendChild(pair("kb-search-summary", doc.s[0], doc.s[1], found.query));
      if (result.sentence) link.appendChild(pair("kb-search-match", result.sentence.g[1], result.sentence.g[2], found.query));
      item.appendChild(link);
      list.appendChild(item);
    });
    list.dataset.query = text;
  }

  function load() {
    if (!state.loading) {
      state.loading = fetch(state.base + INDEX)
        .then(function (response) { return response.json(); })
        .then(function (index) { state.index = prepare(index); return state.index; });
    }
    return state.loading;
  }

  function setup() {
    var input = document.querySelector("input.md-search__input");
    var output = document.querySelector(".md-search__output");
    if (!input || !output) return;
    var script = document.querySelector('script[src*="assets/search.js"]');
    state.base = script ? script.src.replace(/assets\/search\.js.*$/, "") : "";
    var container = element("div", "kb-search");
    container.appendChild(element("div", "kb-search-meta"));
    container.appendChild(element("ol", "kb-search-results"));
    output.insertBefore(container, output.firstChild);
    document.body.classList.add("kb-search-on");
    var pending = 0;
    function update() {
      var text = input.value;
      var ticket = ++pending;
      load().then(function (index) {
        if (ticket !== pending) return;
        render(container, text, text.trim() ? search(index, text) : { results: [] });
      }, function () {
        // No index (a page opened from disk cannot fetch it): Material's own results answer,
        // from the index it was holding back (theme/assets/javascripts/lazy-search-index.js).
        document.body.classList.remove("kb-search-on");
        container.hidden = true;
        window.dispatchEvent(new Event("kbtools-search-fallback"));
      });
    }
    ["input", "keyup", "focus"].forEach(function (type) { input.addEventListener(type, update); });
    if (input.value) update();
  }

  window.kbtoolsSearch = { search: function (text) { return load().then(function (index) { return search(index, text); }); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
