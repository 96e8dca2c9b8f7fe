// From Material for MkDocs (MIT licence, Martin Donath), partials/javascripts/base.html, where it is inline.
// The scope is the site root, two folders above this file, as Material's base_url is for the page.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// Requests a page does not need until the reader asks for what they serve are held, so a page
// downloads only what it shows (issue: the first property page made 11 requests, then 14 with the
// language switcher):
// - Material's search index (1.4 MB on the corpus) and its search worker: the site's search
//   (assets/search.js) answers the search box from its own index. Both wait for the event
//   "kbtools-search-fallback", which the site's search sends when its own index cannot be loaded,
//   so Material still answers where the site's search cannot.
// - The sitemaps of the other languages, which Material reads so that the language switcher leads to
//   the same page in the other language: they wait until the switcher is pointed at, focused or
//   touched. A click before they arrive goes to the other language's home page, as the link says
//   (and so does every click in a site without `site_url`, whose sitemaps list no page).
// Material requests both with XMLHttpRequest and starts its worker with `new Worker(url)`.
(function () {
  "use strict";
  var gates = {
    search: { pattern: /\/search\/search_index\.json(?:[?#]|$)/, open: false, waiting: [] },
    sitemap: { pattern: /\/sitemap\.xml(?:[?#]|$)/, open: false, waiting: [] }
  };
  function openGate(gate) {
    if (gate.open) return;
    gate.open = true;
    gate.waiting.splice(0).forEach(function (run) { run(); });
  }
  function gateOf(url) {
    for (var name in gates) if (gates[name].pattern.test(String(url))) return gates[name];
    return null;
  }
  window.addEventListener("kbtools-search-fallback", function () { openGate(gates.search); });
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      if (target && target.closest && target.closest(".md-select")) openGate(gates.sitemap);
    }, { capture: true, passive: true });
  });

  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (proto) {
    var open = proto.open;
    var send = proto.send;
    proto.open = function (method, url) {
      this.kbtoolsGate = gateOf(url);
      return open.apply(this, arguments);
    };
    proto.send = function () {
      var gate = this.kbtoolsGate;
      if (!gate || gate.open) return send.apply(this, arguments);
      var request = this;
      var args = arguments;
      gate.waiting.push(function () { send.apply(request, args); });
    };
  }

  // Material's search worker, started when it is first sent a message (the index, which only comes
  // once the search gate is open) or when the gate opens; until then no script is fetched for it.
  var NativeWorker = window.Worker;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  if (!NativeWorker) return;
  window.Worker = function (url, options) {
    if (!SEARCH_WORKER.test(String(url))) return new NativeWorker(url, options);
    var worker = null;
    var listeners = [];
    var messages = [];
    function start() {
      if (worker) return worker;
      worker = new NativeWorker(url, options);
      listeners.forEach(function (entry) { worker.addEventListener(entry[0], entry[1], entry[2]); });
      messages.splice(0).forEach(function (entry) { worker.postMessage(entry[0], entry[1]); });
      return worker;
    }
    gates.search.waiting.push(start);
    return {
      addEventListener: function (type, listener, options) {
        if (worker) worker.addEventListener(type, listener, options);
        else listeners.push([type, listener, options]);
      },
      removeEventListener: function (type, listener, options) {
        if (worker) worker.removeEventListener(type, listener, options);
        listeners = listeners.filter(function (entry) { return entry[0] !== type || entry[1] !== listener; });
      },
      postMessage: function (message, transfer) {
        if (worker || gates.search.open) start().postMessage(message, transfer);
        else messages.push([message, transfer]);
      },
      terminate: function () { if (worker) worker.terminate(); }
    };
  };
})();
