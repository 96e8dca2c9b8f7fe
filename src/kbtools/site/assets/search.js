// The site's property search: answers Material's search box from search/kbtools-index.json.
// Ranking (general, for any query): BM25F over four fields (name words, title, summary, body),
// each query word or Chinese word a concept matched by its own form first and, with less weight,
// by its renderings in English (the lexicon learned from the corpus' pairs), its synonyms, its
// Chinese variants, and, only when the pages lack it, its typo corrections and completions;
// a boost for the sentence that holds most of the query (proximity) and for adjacent words; the
// property name itself first, a part of a name by the share of the query it stands for; a query
// word the lexicon renders best by an English function word (如何: how) asks, it names no topic.
// Chinese is matched by words (the lexicon's), overlapping bigrams
// and the whole phrase; English and the European languages by the Snowball stems of the index.
(function () {
  "use strict";
  var INDEX = "search/kbtools-index.json";
  var LIMIT = 20;
  // BM25F: field weight and length normalisation (none for the name: its words are not a text
  // that a long name dilutes; nearly full for the body, so that a long page, an overview or a
  // script sample that mentions everything once, does not outrank the page a word is about);
  // K1 the saturation of a term's frequency, high so that a word a page repeats is about it.
  // The summary is the page's one-sentence definition: a word there says what the property is,
  // more than the same word in a sentence of the body (4, not 3).
  var FIELDS = [{ weight: 6, b: 0 }, { weight: 5, b: 0.3 }, { weight: 4, b: 0.4 }, { weight: 1, b: 0.9 }];
  var NAME = 0, TITLE = 1, SUMMARY = 2, BODY = 3;
  var K1 = 4;
  // Evidence other than the query's own word counts less, so that it never outranks it.
  var WEIGHT = { bigram: 0.5, variant: 0.9, rendering: 0.6, synonym: 0.45, longer: 0.8, completion: 0.5, typo: 0.55, unlinked: 0.5, family: 0.7 };
  var PROXIMITY = 2.5;
  var BACK_RENDERING = 0.4; // the weakest link read from English back to the target language
  var NAME_EVIDENCE = 0.3; // a form that stands for a word of a name in full
  var WEAKEST_NAME_EVIDENCE = 0.2; // the weakest that stands for it at all, by its share of NAME_EVIDENCE
  var ADJACENT = 0.5;
  var NAME_WORDS = 25; // a query whose words are the words of a name
  var NAME_ORDER = 1.4; // a query that names a name's words in its order
  var NAME_SHARE = 0.3; // what the name's words get when they are a small part of the query's weight
  var RUN_BY_WEIGHT = true;
  var WRITTEN_NAME = 10; // a name typed with its object's separator, as the pages write it
  var CAPITAL_NAME = 20; // a word of the query typed in capitals that is an all-caps name
  var OBJECT_MEMBER = 10; // a one-word member and its object's word both in the query
  var NAMED_COVER = 40; // a name score that stands for the whole query
  var GRAMMAR = 0.3; // a word whose best English rendering is a function word (如何: how; 是否: whether)
  var LONE_CHARACTER = 0.5; // the weight of a character no word covers, with no rendering
  var UNKNOWN_CHARACTER = 1.5; // the cost of a character no word covers, in a cut of Chinese
  var CJK = /[\u3400-\u9fff]/;
  var WORD = /[\p{L}\p{N}]+/gu;
  var CAMEL = /[A-Z]+(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|\d+/g;

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

  function normal(text) { return (text || "").normalize("NFKC").toLowerCase(); }

  function stemOf(index, word, lang) {
    var map = index.stems[lang];
    return (map && map[word]) || word;
  }

  // English stems of a text; a CamelCase identifier whole and by its parts (ProductCode -> productcode product code).
  // A text's function words are left out (a query never looks for them): a word whose stem is one
  // (Russian тема -> тем, имя -> им) matches the word, not the function word.
  function englishTokens(index, text, name) {
    var out = [];
    ((text || "").normalize("NFKC").match(/[A-Za-z0-9]+/g) || []).forEach(function (token) {
      var lower = token.toLowerCase();
      if (!name && index.functionWords[lower]) return;
      // Numbers of two digits or more are words (64 in 64-bit, VersionNT64); a lone digit is not.
      if (!/^\d$/.test(lower)) out.push(stemOf(index, lower, "en"));
      var parts = token.match(CAMEL) || [];
      if (parts.length > 1) parts.forEach(function (part) { if (part.length >= 2) out.push(stemOf(index, part.toLowerCase(), "en")); });
    });
    return out;
  }

  function targetTokens(index, text) {
    return (normal(text).match(WORD) || []).filter(function (w) { return !index.functionWords[w]; }).map(function (w) { return stemOf(index, w, index.lang); });
  }

  // One field of one language: term frequencies (words) or the text itself (Chinese, by substrings).
  function field(tokens, text) {
    if (text !== undefined) return { text: text, length: Math.max(1, text.length / 2) };
    var tf = {};
    tokens.forEach(function (t) { tf[t] = (tf[t] || 0) + 1; });
    return { tf: tf, length: Math.max(1, tokens.length), line: " " + tokens.join(" ") + " " };
  }

  function count(text, term) {
    var n = 0;
    for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) n++;
    return n;
  }

  function frequency(f, term) { return f.text !== undefined ? (term ? count(f.text, term) : 0) : f.tf[term] || 0; }

  function prepare(index) {
    index.stems = index.stems || {};
    index.renderings = index.renderings || {};
    index.synonyms = index.synonyms || {};
    index.lang = index.lang || "zh";
    var chinese = index.lang === "zh" || index.lang === "ja";
    index.chinese = chinese;
    index.functionWords = {};
    (index.function_words || []).forEach(function (w) { index.functionWords[w] = 1; });
    var target = function (text) { return chinese ? field(null, normal(text)) : field(targetTokens(index, text)); };
    index.vocabulary = { en: {}, tg: {} };
    index.docs.forEach(function (doc) {
      doc.name = doc.n.toLowerCase();
      doc.nameTail = doc.name.replace(/^.*(\.|::)/, "");
      // The name as a query reads it, its object's separator dropped (product.state -> productstate).
      doc.nameRun = doc.name.replace(/\.|::/g, "");
      doc.capital = /[A-Z]/.test(doc.n) && doc.n === doc.n.toUpperCase();
      var body = doc.g.map(function (g) { return g[1]; }).join(" \u3002 ");
      var bodyEn = doc.g.map(function (g) { return g[2]; }).join(" . ");
      var nameTokens = [];
      doc.w.concat(doc.a).forEach(function (w) { nameTokens = nameTokens.concat(englishTokens(index, w, true)); });
      // The name's own words (not the name whole): what a phrase rendered word by word must cover.
      doc.nameStems = [];
      doc.w.forEach(function (w) {
        var stemmed = stemOf(index, w.toLowerCase(), "en");
        if (w.toLowerCase() !== doc.nameTail && doc.nameStems.indexOf(stemmed) === -1) doc.nameStems.push(stemmed);
      });
      doc.nameUnits = nameUnits(doc.nameStems.filter(function (w) { return !index.functionWords[w]; }));
      // The object a member belongs to (SummaryInfo in SummaryInfo.PropertyCount): words a query
      // may name too, never must.
      doc.objectUnits = [];
      doc.n.split(/\.|::/).slice(0, -1).forEach(function (object) {
        (object.match(CAMEL) || []).forEach(function (part) {
          var stemmed = stemOf(index, part.toLowerCase(), "en");
          if (part.length >= 2 && !index.functionWords[stemmed] && doc.nameStems.indexOf(stemmed) === -1) doc.objectUnits.push([stemmed]);
        });
      });
      // A member of one word (Installer.Features): its word and its object's are the units.
      doc.memberUnits = !doc.nameUnits.length && doc.objectUnits.length && doc.w.length === 1 ? [[stemOf(index, doc.nameTail, "en")]] : null;
      // The title with the property's kind (an automation property, a summary information property).
      doc.en = [field(nameTokens), field(englishTokens(index, doc.t[1] + " " + doc.k[1])), field(englishTokens(index, doc.s[1])), field(englishTokens(index, bodyEn))];
      doc.tg = [chinese ? field(null, "") : field([]), target(doc.t[0] + " " + doc.k[0]), target(doc.s[0]), target(body)];
      doc.en.forEach(function (f) { Object.keys(f.tf).forEach(function (t) { index.vocabulary.en[t] = 1; }); });
      if (!chinese) doc.tg.forEach(function (f) { Object.keys(f.tf).forEach(function (t) { index.vocabulary.tg[t] = 1; }); });
      // The sentences a result can point at, title and summary first.
      doc.sentences = [[null, doc.t[0], doc.t[1]], [null, doc.s[0], doc.s[1]]].concat(doc.g).map(function (g, i) {
        return { id: g[0], g: i >= 2 ? g : null, en: field(englishTokens(index, g[2])), tg: target(g[1]) };
      });
    });
    index.average = { en: [0, 0, 0, 0], tg: [0, 0, 0, 0] };
    ["en", "tg"].forEach(function (side) {
      for (var f = 0; f < 4; f++) {
        var sum = 0;
        index.docs.forEach(function (doc) { sum += doc[side][f].length; });
        index.average[side][f] = sum / (index.docs.length || 1);
      }
    });
    index.fold = index.fold || {};
    index.nameForms = index.name_forms || {};
    index.variantOf = {};
    (index.variants || []).forEach(function (group) {
      group.forEach(function (word) { index.variantOf[word] = group.filter(function (w) { return w !== word; }); });
    });
    // The lexicon read backwards: the target words that render an English word (hide -> 隱藏).
    index.renderedBy = {};
    Object.keys(index.renderings).forEach(function (word) {
      index.renderings[word].forEach(function (link) { (index.renderedBy[link[0]] = index.renderedBy[link[0]] || []).push([word, link[1]]); });
    });
    index.segmentWords = index.words || []; // the lexicon's words without a rendering the pages hold
    index.words = Object.keys(index.renderings).filter(function (w) { return CJK.test(w); });
    index.wordSet = {};
    index.words.concat(index.segmentWords || []).forEach(function (w) { index.wordSet[w] = 1; });
    Object.keys(index.variantOf).forEach(function (w) { index.wordSet[w] = 1; });
    index.targetStems = chinese ? [] : Object.keys(index.vocabulary.tg);
    // The words a typo or a partial word is compared with: the stems and the words as written.
    index.forms = {
      en: Object.keys(index.vocabulary.en).concat(Object.keys(index.stems.en || {})),
      tg: chinese ? [] : Object.keys(index.vocabulary.tg).concat(Object.keys(index.stems[index.lang] || {})),
    };
    return index;
  }

  // The units a query must cover to name a property: each word of its name, an acronym and the
  // words that spell it out (ui; user interface) being one unit, covered by any of them.
  function nameUnits(stems) {
    var spelled = {};
    var units = [];
    stems.forEach(function (word, i) {
      if (spelled[i]) return;
      var unit = [word];
      for (var start = i + 1; word.length >= 2 && word.length <= 6 && start + word.length <= stems.length; start++) {
        var run = stems.slice(start, start + word.length);
        if (run.map(function (w) { return w[0]; }).join("") === word) {
          unit = unit.concat(run);
          for (var k = start; k < start + word.length; k++) spelled[k] = true;
          break;
        }
      }
      units.push(unit);
    });
    return units;
  }

  // At most one edit apart: a letter added, dropped, changed, or two swapped (upgarde -> upgrade).
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // A word the pages lack: the pages' words (as written, or their stems) it begins, that begin it,
  // or one edit away; each stands for the stem of that word.
  function tolerant(index, word, stemmed, side) {
    var found = {};
    var lang = side === "en" ? "en" : index.lang;
    if (word.length < 4) return [];
    function offer(term, weight) { if (!found[term] || found[term] < weight) found[term] = weight; }
    index.forms[side].forEach(function (v) {
      var term = index.vocabulary[side][v] ? v : stemOf(index, v, lang);
      if (!index.vocabulary[side][term]) return;
      if (v.length >= 4 && word.indexOf(v) === 0 && word.length - v.length <= 4) offer(term, WEIGHT.longer);
      else if (v.indexOf(word) === 0 || (stemmed.length >= 4 && v.indexOf(stemmed) === 0)) offer(term, WEIGHT.completion);
      else if (word.length >= 5 && (oneEdit(word, v) || oneEdit(stemmed, v))) offer(term, WEIGHT.typo);
    });
    return Object.keys(found).map(function (term) { return { side: side, term: term, weight: found[term] }; })
      .sort(function (a, b) { return b.weight - a.weight || a.term.length - b.term.length; }).slice(0, 6);
  }

  function addRenderings(index, alts, word, weight) {
    (index.renderings[word] || []).forEach(function (link) {
      alts.push({ side: "en", term: link[0], weight: weight * WEIGHT.rendering * Math.min(1, 2 * link[1]) });
    });
  }

  function addSynonyms(index, alts, term, weight) {
    (index.synonyms[term] || []).forEach(function (link) {
      alts.push({ side: "en", term: link[0], weight: weight * WEIGHT.synonym * Math.min(1, 2 * link[1]) });
    });
  }

  // A Latin or Cyrillic word of the query: an English stem and, on a site in another language, a stem of it.
  function wordConcept(index, word) {
    var alts = [];
    var english = /^[a-z0-9]+$/.test(word);
    var other = !index.chinese && index.lang !== "en";
    var en = stemOf(index, word, "en");
    var tg = other ? stemOf(index, word, index.lang) : null;
    var exact = (english && index.vocabulary.en[en]) || (other && index.vocabulary.tg[tg]);
    if (english) {
      if (index.vocabulary.en[en]) alts.push({ side: "en", term: en, weight: 1 });
      // Tolerance only for a word the pages hold in neither language, as typed.
      else if (!exact && /^[a-z]+$/.test(word)) alts = alts.concat(tolerant(index, word, en, "en"));
      addSynonyms(index, alts, en, 1);
      (index.renderedBy[en] || []).forEach(function (link) {
        if (link[1] >= BACK_RENDERING) alts.push({ side: "tg", term: link[0], weight: WEIGHT.rendering * Math.min(1, 2 * link[1]) * (index.vocabulary.en[en] ? 0.5 : 1) });
      });
    }
    if (other) {
      // A word the lexicon knows is no typo: it is read through its renderings, not corrected.
      var forms = index.vocabulary.tg[tg] ? [{ side: "tg", term: tg, weight: 1 }] : exact || /\d/.test(word) || index.renderings[tg] ? [] : tolerant(index, word, tg, "tg");
      // The stem's family in the pages: stems it begins, a few letters longer, that Snowball keeps
      // apart (redémarr- of redémarrer, redémarrag- of redémarrage).
      if (forms.length && tg.length >= 5) {
        index.targetStems.forEach(function (v) {
          if (v !== tg && v.length - tg.length <= 2 && v.indexOf(tg) === 0) forms.push({ side: "tg", term: v, weight: WEIGHT.family });
        });
      }
      forms.forEach(function (alt) { alts.push(alt); addRenderings(index, alts, alt.term, alt.weight); });
      if (!forms.length) addRenderings(index, alts, tg, 1);
      if (grammatical(index, tg)) alts.forEach(function (alt) { alt.weight *= GRAMMAR; });
    }
    return { text: word, alts: alts };
  }

  // A word the pages render best by an English function word asks the question, not its topic.
  function grammatical(index, word) {
    var links = index.renderings[word];
    return !!(links && links.length && index.functionWords[links[0][0]]);
  }

  // A Chinese word of the query: itself, its variants, its English renderings.
  function chineseConcept(index, word) {
    var alts = [{ side: "tg", term: word, weight: 1 }];
    (index.variantOf[word] || []).forEach(function (other) { alts.push({ side: "tg", term: other, weight: WEIGHT.variant }); });
    addRenderings(index, alts, word, 1);
    (index.variantOf[word] || []).forEach(function (other) { addRenderings(index, alts, other, WEIGHT.variant); });
    if (grammatical(index, word)) alts.forEach(function (alt) { alt.weight *= GRAMMAR; });
    return { text: word, alts: alts, chinese: true };
  }

  // A Chinese phrase cut into the pages' words: the cut with the fewest pieces, a character no
  // word covers costing more than a word (so 完成後不要 is 完成 / 後 / 不要, not 完成 / 後不 / 要).
  function segment(index, phrase) {
    var best = [{ cost: 0, piece: "", from: 0 }];
    for (var end = 1; end <= phrase.length; end++) {
      best[end] = { cost: best[end - 1].cost + UNKNOWN_CHARACTER, from: end - 1 };
      for (var start = Math.max(0, end - 8); start <= end - 2; start++) {
        if (index.wordSet[phrase.slice(start, end)] && best[start].cost + 1 < best[end].cost) best[end] = { cost: best[start].cost + 1, from: start };
      }
    }
    var pieces = [];
    for (var at = phrase.length; at > 0; at = best[at].from) pieces.unshift(phrase.slice(best[at].from, at));
    return pieces;
  }

  // A Chinese phrase cut into the pages' words; what is left, by overlapping bigrams.
  function chineseConcepts(index, phrase) {
    var concepts = [];
    var rest = "";
    function flush() {
      if (rest.length === 1) {
        // A lone character the lexicon links to no English word (讓, 後) is mostly grammar too.
        var character = chineseConcept(index, rest);
        if (character.alts.length === 1) character.alts[0].weight = LONE_CHARACTER;
        concepts.push(character);
      }
      // Bigrams no word of the lexicon covers are weaker evidence than its words.
      for (var k = 0; k + 2 <= rest.length; k++) {
        var gram = chineseConcept(index, rest.slice(k, k + 2));
        gram.alts.forEach(function (alt) { alt.weight *= WEIGHT.bigram; });
        concepts.push(gram);
      }
      rest = "";
    }
    var pieces = segment(index, phrase);
    pieces.forEach(function (piece) {
      if (piece.length >= 2) {
        flush();
        var word = chineseConcept(index, piece);
        // A word the lexicon links to no English word (不要, 不是) is mostly grammar: it weighs as a bigram.
        if (word.alts.length === 1) word.alts[0].weight = WEIGHT.unlinked;
        concepts.push(word);
      }
      else rest += piece;
    });
    flush();
    if (concepts.length > 1) {
      // The whole phrase: rare where it stands whole, it outweighs pages that only share its characters.
      var whole = { text: phrase, alts: [{ side: "tg", term: phrase, weight: 1 }], chinese: true, phrase: true };
      Object.keys(index.variantOf).forEach(function (w) {
        if (phrase.indexOf(w) !== -1) index.variantOf[w].forEach(function (o) { whole.alts.push({ side: "tg", term: phrase.split(w).join(o), weight: WEIGHT.variant }); });
      });
      concepts.push(whole);
    }
    return concepts;
  }

  function parse(index, text) {
    var query = normal(text).trim();
    Object.keys(index.fold).forEach(function (letter) { query = query.split(letter).join(index.fold[letter]); });
    var concepts = [];
    var raw = [];
    var topicalWords = []; // for each raw word: not a function word of a query with other words
    var parts = query.match(/[\u3400-\u9fff]+|[\p{L}\p{N}_.:]+/gu) || [];
    // Function words (of, dans, при) are left out when the query has other words.
    var topical = parts.some(function (part) {
      return CJK.test(part) || (part.match(WORD) || []).some(function (w) { return !index.functionWords[w]; });
    });
    parts.forEach(function (part) {
      if (CJK.test(part)) {
        // The locale's function words (的, 將) split a query into phrases where they stand alone in
        // its cut, never inside a word (目的地).
        var phrase = "";
        segment(index, part).concat([""]).forEach(function (piece) {
          if (piece && !index.functionWords[piece]) { phrase += piece; return; }
          if (phrase) concepts = concepts.concat(chineseConcepts(index, phrase));
          phrase = "";
        });
      } else {
        (part.match(WORD) || []).forEach(function (w) {
          raw.push(w);
          topicalWords.push(!(topical && index.functionWords[w]));
          if (!(topical && index.functionWords[w])) { var concept = wordConcept(index, w); concept.word = raw.length - 1; concepts.push(concept); }
        });
      }
    });
    concepts = concepts.filter(function (c) { return c.alts.length; });
    var en = {}, tg = {};
    concepts.forEach(function (c) { c.alts.forEach(function (a) { (a.side === "en" ? en : tg)[a.term] = 1; }); });
    var chinese = concepts.some(function (c) { return c.chinese; });
    // The English words each concept may stand for in a name.
    concepts.forEach(function (c) {
      c.nameTerms = {};
      if (!c.phrase) c.alts.forEach(function (a) {
        if (a.side === "en" && a.weight >= WEAKEST_NAME_EVIDENCE) c.nameTerms[a.term] = Math.max(c.nameTerms[a.term] || 0, a.weight);
      });
    });
    var topicalCount = topicalWords.filter(Boolean).length || 1;
    // Words typed in capitals as the pages write an all-caps name (ACTION, REMOVE): identifiers.
    var capitals = {};
    (text.normalize("NFKC").match(/[\p{L}\p{N}_]+/gu) || []).forEach(function (w) {
      if (w.length >= 4 && /[A-Z]/.test(w) && w === w.toUpperCase()) capitals[w.toLowerCase()] = 1;
    });
    // Identifiers typed with their object and separator (Product.State, Installer::Products): a
    // name written as the pages write it, and the number of the query's words it takes.
    var written = {};
    (normal(text).match(/[\p{L}\p{N}_]+(?:(?:\.|::)[\p{L}\p{N}_]+)+/gu) || []).forEach(function (w) { written[w] = (w.match(WORD) || []).length; });
    return { nameForms: index.nameForms, capitals: capitals, written: written, text: query, compact: raw.join(""), raw: raw, topical: topicalWords, topicalCount: topicalCount, concepts: concepts, enTerms: en, tgTerms: tg, chinese: chinese };
  }

  function bm25f(index, doc, alt, idf) {
    var fields = doc[alt.side];
    var average = index.average[alt.side];
    var weighted = 0;
    for (var f = 0; f < 4; f++) {
      var tf = frequency(fields[f], alt.term);
      if (tf) weighted += FIELDS[f].weight * tf / (1 - FIELDS[f].b + FIELDS[f].b * fields[f].length / average[f]);
    }
    return weighted ? idf * weighted * (K1 + 1) / (K1 + weighted) : 0;
  }

  function inSentence(sentence, alt) {
    return frequency(alt.side === "en" ? sentence.en : sentence.tg, alt.term) > 0;
  }

  // The share of the query's weight that its words i to j carry (of its Latin words when none weighs).
  function runShare(query, i, j) {
    var run = 0, all = 0;
    query.concepts.forEach(function (concept) {
      if (concept.phrase) return;
      all += concept.weight || 0;
      if (concept.word >= i && concept.word <= j) run += concept.weight || 0;
    });
    return all > 0 && RUN_BY_WEIGHT ? run / all : (j - i + 1) / query.topicalCount;
  }

  // The name: the query, or a run of its words, is the property's name (or begins or holds it).
  function nameScore(doc, query) {
    var named = 0;
    var compact = query.compact;
    // The Latin letters of a query that is mostly Chinese begin many names (msi): they say less.
    var part = query.chinese ? 0.25 : 1;
    if (compact.length >= 3) {
      if (compact === doc.name || compact === doc.nameRun) named = 100;
      else if (compact === doc.nameTail) named = 90;
      else if (doc.nameTail.indexOf(compact) === 0 || doc.name.indexOf(compact) === 0) named = 40 * part;
      else if (compact.length >= 5 && doc.name.indexOf(compact) !== -1) named = 30 * part;
    }
    var raw = query.raw;
    var topical = query.topical;
    for (var i = 0; i < raw.length; i++) {
      var run = "";
      // A run of words begins and ends with a word of the topic (a patch is no typo of PATCH).
      if (!topical[i]) continue;
      for (var j = i; j < raw.length; j++) {
        run += raw[j];
        if (!topical[j]) continue;
        // One word of several naming a one-word property (path -> Error.Path) says little; words
        // that run together into a name stand for their share of the query, no more (upgrade code
        // in `find installed products by upgrade code` is part of what is asked).
        if (j > i && run.length >= 4 && (run === doc.name || run === doc.nameTail)) named = Math.max(named, (run === doc.name ? 90 : 70) * (j - i + 1) / raw.length);
        // Words run together inside an all-in-one name: help link -> ARPHELPLINK.
        // Less when the run is a small part of a longer query (msi install in MSIINSTALLPERUSER).
        else if (j > i && run.length >= 6 && doc.name.indexOf(run) !== -1) named = Math.max(named, 15 * (j - i + 1) * (NAME_SHARE + (1 - NAME_SHARE) * runShare(query, i, j)));
        // A typo in a name typed as its words (upgarde code): half of what the name itself gets.
        else if (j > i && run.length >= 6 && (oneEdit(run, doc.name) || oneEdit(run, doc.nameTail))) named = Math.max(named, 30 * (j - i + 1) / raw.length + 10);
      }
    }
    // One word of several, typed in capitals as the all-caps name is written, names it.
    if (doc.capital && query.capitals[doc.name]) named = Math.max(named, CAPITAL_NAME);
    // A name typed as written, with its object, is named as its words run together would be, and
    // outranks a name those words run into (Product.State, not ProductState).
    if (query.written[doc.name]) named = Math.max(named, 90 * query.written[doc.name] / Math.max(1, raw.length)) + WRITTEN_NAME;
    if (!named && compact.length >= 6 && (oneEdit(compact, doc.name) || oneEdit(compact, doc.nameTail))) named = 45;
    // Words, or their renderings, that are all the words of the name: 所有使用者 -> all user -> ALLUSERS.
    // Two of them or more: less, by the share they cover.
    if (doc.nameUnits.length >= 2) {
      var cover = nameCover(doc.nameUnits, doc.objectUnits, query.concepts, query.nameForms);
      var share = (NAME_SHARE + (1 - NAME_SHARE) * cover.weight) * (cover.ordered ? NAME_ORDER : 1);
      if (cover.units >= doc.nameUnits.length - 1e-9) named = Math.max(named, NAME_WORDS * share);
      else if (cover.units >= 2) named = Math.max(named, NAME_WORDS * Math.pow(cover.units / doc.nameUnits.length, 2) * share);
    } else if (doc.memberUnits) {
      // A one-word member named with its object's word (installed features: Installer.Features).
      var member = nameCover(doc.memberUnits, doc.objectUnits, query.concepts, query.nameForms);
      if (member.units >= 1 - 1e-9 && member.objects) named = Math.max(named, OBJECT_MEMBER * (NAME_SHARE + (1 - NAME_SHARE) * member.weight));
    }
    return named;
  }

  // A name's word that is the beginning of the query's (admin, administr) or the reverse.
  function abbreviates(a, b) {
    return a.length >= 4 && b.length >= 4 && a !== b && (a.indexOf(b) === 0 || b.indexOf(a) === 0);
  }

  // How many of a name's units the query's concepts cover, each concept one unit at most (one
  // French word rendered as two English words names no two-word property), and the share of the
  // query's weight those concepts carry.
  function nameCover(required, optional, concepts, forms) {
    var units = required.concat(optional);
    var owner = units.map(function () { return -1; });
    // How well concept c stands for a unit: 1 from its own word or a good rendering, less from a weak one.
    function strength(c, unit) {
      var terms = concepts[c].nameTerms;
      var best = 0;
      if (concepts[c].phrase) return 0;
      unit.forEach(function (w) {
        var stands = forms[w] || []; // the words a name's short word stands for (no: not)
        Object.keys(terms).forEach(function (t) { if (t === w || abbreviates(w, t) || stands.indexOf(t) !== -1) best = Math.max(best, terms[t]); });
      });
      return Math.min(1, best / NAME_EVIDENCE);
    }
    function covers(c, unit) { return strength(c, unit) > 0; }
    // Kuhn's augmenting paths: a largest matching of concepts to units.
    function assign(c, seen) {
      for (var u = 0; u < units.length; u++) {
        if (seen[u] || !covers(c, units[u])) continue;
        seen[u] = true;
        if (owner[u] === -1 || assign(owner[u], seen)) { owner[u] = c; return true; }
      }
      return false;
    }
    // The strongest pairs first (a word's own rendering before another word's weak one), then
    // augmenting paths for the concepts left.
    var pairs = [];
    concepts.forEach(function (concept, c) {
      units.forEach(function (unit, u) { var v = strength(c, unit); if (v > 0) pairs.push([v, c, u]); });
    });
    pairs.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1] || a[2] - b[2]; });
    var placed = {};
    pairs.forEach(function (pair) {
      if (!placed[pair[1]] && owner[pair[2]] === -1) { owner[pair[2]] = pair[1]; placed[pair[1]] = true; }
    });
    concepts.forEach(function (concept, c) { if (!placed[c]) assign(c, {}); });
    var covered = 0, count = 0, objects = 0, weight = 0, wanted = 0;
    owner.forEach(function (c, u) {
      if (c === -1) return;
      if (u < required.length) { covered += strength(c, units[u]); count++; }
      else objects++;
      weight += concepts[c].weight || 0;
    });
    concepts.forEach(function (concept) { if (!concept.phrase) wanted += concept.weight || 0; });
    // The query names the words in the name's order (disable rollback: DISABLEROLLBACK, not RollbackDisabled).
    var order = owner.slice(0, required.length);
    var ordered = order.every(function (c, u) { return c !== -1 && (u === 0 || c > order[u - 1]); });
    return { units: covered, count: count, objects: objects, weight: wanted ? weight / wanted : 1, ordered: ordered };
  }

  function score(index, doc, query, idfs) {
    var total = 0, held = 0, wanted = 0;
    var present = [];
    query.concepts.forEach(function (concept, c) {
      var best = 0, bestAlts = [];
      concept.alts.forEach(function (alt, a) {
        var value = alt.weight * bm25f(index, doc, alt, idfs[c][a]);
        if (value > 0) bestAlts.push(alt);
        if (value > best) best = value;
      });
      present.push(bestAlts);
      total += best;
      wanted += concept.weight;
      if (best > 0) held += concept.weight;
    });
    var named = nameScore(doc, query);
    if (!wanted) return { value: named, sentence: null };
    // Proximity: the sentence that holds most of the query; adjacent words count more.
    var top = { value: 0, sentence: null };
    doc.sentences.forEach(function (s) {
      var value = 0;
      var previous = null;
      query.concepts.forEach(function (concept, c) {
        var alts = present[c].filter(function (alt) { return inSentence(s, alt); });
        if (!alts.length) { previous = null; return; }
        value += concept.weight * Math.max.apply(null, alts.map(function (a) { return a.weight; }));
        if (previous && s.en.line) {
          var adjacent = alts.some(function (a) {
            return a.side === "en" && previous.some(function (p) { return p.side === "en" && s.en.line.indexOf(" " + p.term + " " + a.term + " ") !== -1; });
          });
          if (adjacent) value += ADJACENT * concept.weight;
        }
        previous = alts;
      });
      value /= wanted;
      if (value > top.value || (s.g && !top.sentence && value > 0 && value >= top.value)) top = { value: value, sentence: s.g ? s : top.sentence };
    });
    // A name the query names whole stands for all of it; a part of a name, for part of it.
    var coverage = Math.max(held / wanted, Math.min(1, named / NAMED_COVER));
    return { value: total * coverage * coverage + PROXIMITY * top.value * top.value * wanted + named, sentence: top.sentence };
  }

  function search(index, text) {
    var query = parse(index, text);
    if (!query.concepts.length && query.compact.length < 3) return { query: query, results: [] };
    var n = index.docs.length;
    // Each form's rarity over the properties (BM25's idf); a concept weighs as its best form.
    // A concept's rarity (BM25's idf) counts the properties that hold it in any of its forms, each
    // by its best form's weight: a French `le` is common even if the English text seldom has it.
    var idfs = query.concepts.map(function (concept) {
      var df = 0, strongest = 0;
      index.docs.forEach(function (doc) {
        var best = 0;
        concept.alts.forEach(function (alt) {
          if (alt.weight > best && doc[alt.side].some(function (f) { return frequency(f, alt.term) > 0; })) best = alt.weight;
        });
        df += best; // a property held only through a weak form counts as much as that form
        strongest = Math.max(strongest, best);
      });
      var idf = df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
      concept.weight = idf * strongest;
      return concept.alts.map(function () { return idf; });
    });
    var results = [];
    index.docs.forEach(function (doc) {
      var s = score(index, doc, query, idfs);
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
    var index = state.index;
    var lower = normal(text);
    var marks = new Array(text.length).fill(false);
    if (lower.length === text.length) {
      if (english || !index.chinese) {
        var terms = english ? query.enTerms : query.tgTerms;
        var re = english ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu, m;
        while ((m = re.exec(lower))) {
          if (terms[stemOf(index, m[0], english ? "en" : index.lang)]) for (var i = m.index; i < m.index + m[0].length; i++) marks[i] = true;
        }
      } else {
        Object.keys(query.tgTerms).forEach(function (term) {
          if (term.length < 2) return;
          for (var at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) for (var j = at; j < at + term.length; j++) marks[j] = true;
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

  function pair(className, target, en, query) {
    var box = element("div", className);
    var t = element("div", "kb-search-t", state.index.locale || LOCALE);
    t.appendChild(highlighted(target, query, false));
    box.appendChild(t);
    if (en && en !== target) {
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
        // from the index it was holding back (theme/assets/javascripts/inline-base.js).
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
