// From Material for MkDocs (MIT licence, Martin Donath), partials/javascripts/base.html, where it is inline.
// The scope is the site root, two folders above this file, as Material's base_url is for the page.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// Material requests its search index (1.4 MB on the corpus) as every page loads, though the site's
// search (assets/search.js) answers the search box from its own index. The request is held until
// the site's search asks for it (the event "kbtools-search-fallback", sent when its own index
// cannot be loaded), so a page downloads no index it does not use and Material still answers
// where the site's search cannot. Material requests it with XMLHttpRequest.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var fallback = false;
  var waiting = [];
  window.addEventListener("kbtools-search-fallback", function () {
    fallback = true;
    waiting.splice(0).forEach(function (run) { run(); });
  });
  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto) return;
  var open = proto.open;
  var send = proto.send;
  proto.open = function (method, url) {
    this.kbtoolsHeld = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (!this.kbtoolsHeld || fallback) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    waiting.push(function () { send.apply(request, args); });
  };
})();
