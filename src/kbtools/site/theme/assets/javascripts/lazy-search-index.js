// Material fetches its search index (1.4 MB on the corpus) as every page loads, though the site's
// search (assets/search.js) answers the search box from its own index. The fetch is held until
// the site's search asks for it (the event "kbtools-search-fallback", sent when its own index
// cannot be loaded), so a page downloads no index it does not use and Material still answers
// where the site's search cannot.
(function () {
  "use strict";
  var fetchNow = window.fetch;
  if (!fetchNow) return;
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var fallback = false;
  var waiting = [];
  window.addEventListener("kbtools-search-fallback", function () {
    fallback = true;
    waiting.splice(0).forEach(function (run) { run(); });
  });
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input && input.url ? input.url : String(input);
    if (fallback || !INDEX.test(url)) return fetchNow.apply(this, arguments);
    var self = this;
    var args = arguments;
    return new Promise(function (resolve, reject) {
      waiting.push(function () { fetchNow.apply(self, args).then(resolve, reject); });
    });
  };
})();
