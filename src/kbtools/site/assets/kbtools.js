// Page behaviour of the generated site: the side-by-side switch, the matrix filters and the
// marks on out-of-date sentences.
(function () {
  "use strict";
  var STORAGE_KEY = "kbtools.sxs";
  // The site's words in the pages' locale (kbtools.site.locale), from the page's <meta>.
  var MESSAGES = (function () {
    var meta = document.querySelector('meta[name="kbtools-messages"]');
    try { return meta ? JSON.parse(meta.getAttribute("content")) : {}; } catch (e) { return {}; }
  })();

  function setSideBySide(on, buttons) {
    document.body.classList.toggle("kb-sxs", on);
    buttons.forEach(function (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); });
  }

  function setupSwitch() {
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".kb-switch"));
    if (!buttons.length) return;
    var stored = false;
    try { stored = window.localStorage.getItem(STORAGE_KEY) === "1"; } catch (e) { /* storage off */ }
    setSideBySide(stored, buttons);
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var on = !document.body.classList.contains("kb-sxs");
        setSideBySide(on, buttons);
        try { window.localStorage.setItem(STORAGE_KEY, on ? "1" : "0"); } catch (e) { /* storage off */ }
      });
    });
  }

  function setupMatrix() {
    var table = document.querySelector(".kb-matrix");
    if (!table) return;
    var name = document.querySelector(".kb-filter-name");
    var os = document.querySelector(".kb-filter-os");
    var version = document.querySelector(".kb-filter-version");
    var kind = document.querySelector(".kb-filter-kind");
    var count = document.querySelector(".kb-matrix-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function offers(pairs, wantOs, wantVersion) {
      if (!wantOs && !wantVersion) return true;
      return pairs.some(function (pair) {
        var at = pair.lastIndexOf("@");
        return (!wantOs || pair.slice(0, at) === wantOs) && (!wantVersion || pair.slice(at + 1) === wantVersion);
      });
    }

    function apply() {
      var text = name.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var pairs = (row.getAttribute("data-pairs") || "").split(" ").filter(Boolean);
        var visible = (!text || row.getAttribute("data-name").indexOf(text) !== -1) &&
          (!kind.value || row.getAttribute("data-kind") === kind.value) &&
          offers(pairs, os.value, version.value);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.value = String(shown);
      count.textContent = String(shown);
      highlight(os.value);
    }

    // The chosen Windows: its column head and cells stand out.
    function highlight(chosen) {
      var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var column = -1;
      heads.forEach(function (cell, index) {
        var on = !!chosen && cell.getAttribute("data-os") === chosen;
        cell.classList.toggle("kb-chosen", on);
        if (on) column = index;
      });
      rows.forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) { cell.classList.toggle("kb-chosen", index === column); });
      });
    }

    [name, os, version, kind].forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    apply();
  }

  // A wide table scrolls in its own box; say so above a box whose table does not fit.
  function setupScrollHints() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".kb-table-scroll, .kb-matrix-scroll, .kb-table-scroll .md-typeset__scrollwrap"));
    if (!boxes.length) return;
    function update() {
      boxes.forEach(function (box) {
        var hint = box.previousElementSibling;
        var has = hint && hint.classList.contains("kb-scroll-hint");
        var overflows = box.scrollWidth > box.clientWidth + 1;
        if (overflows && !has) {
          hint = document.createElement("p");
          hint.className = "kb-scroll-hint";
          hint.setAttribute("aria-hidden", "true");
          hint.textContent = MESSAGES.scroll_hint || "\u2194";
          box.parentNode.insertBefore(hint, box);
        } else if (!overflows && has) {
          hint.parentNode.removeChild(hint);
        }
        box.classList.toggle("kb-overflows", overflows);
      });
    }
    update();
    window.addEventListener("resize", update);
  }

  // Sentences whose English changed since translation (`kbtools build --english`): the notice
  // names their segment ids, and each is marked where it stands in the text.
  function markStale() {
    document.querySelectorAll("[data-kb-stale]").forEach(function (notice) {
      notice.getAttribute("data-kb-stale").split(" ").forEach(function (id) {
        var segment = id && document.getElementById("seg-" + id);
        if (segment) segment.classList.add("kb-stale");
      });
    });
  }

  // Material's search dialog has no name; it takes the search box's.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = document.querySelector("input.md-search__input");
    if (dialog && !dialog.getAttribute("aria-label")) {
      dialog.setAttribute("aria-label", (input && (input.getAttribute("aria-label") || input.placeholder)) || "Search");
    }
  }

  function setup() {
    nameSearchDialog();
    markStale();
    setupSwitch();
    setupMatrix();
    setupScrollHints();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
