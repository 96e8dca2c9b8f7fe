// Page behaviour of the generated site: the side-by-side switch and the matrix filters.
(function () {
  "use strict";
  var STORAGE_KEY = "kbtools.sxs";

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
    }

    [name, os, version, kind].forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    apply();
  }

  function setup() {
    setupSwitch();
    setupMatrix();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
