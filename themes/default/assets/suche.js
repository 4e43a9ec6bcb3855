// Teilhabe search: reads suche/index.json (written at build time) and shows matching pages.
// Words are normalised as in Sources/TeilhabeCore/Render/Suche/Suchindex.swift.
(function () {
  "use strict";
  var form = document.querySelector("form.suche");
  var ausgabe = document.getElementById("treffer");
  var feld = document.getElementById("suchbegriff");
  if (!form || !ausgabe || !feld || !window.fetch) return;
  var wurzel = form.getAttribute("data-wurzel") || "";
  var index = null;

  function woerter(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .replace(/[·\u00ad]/g, "").split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
  }

  function suche(anfrage) {
    var begriffe = woerter(anfrage);
    if (!begriffe.length) return null;
    var alle = Object.keys(index.woerter);
    var treffer = null;
    begriffe.forEach(function (begriff) {
      var gefunden = {};
      alle.forEach(function (wort) {
        if (wort.indexOf(begriff) === 0) index.woerter[wort].forEach(function (i) { gefunden[i] = true; });
      });
      treffer = treffer === null ? gefunden : Object.keys(treffer).reduce(function (rest, i) {
        if (gefunden[i]) rest[i] = true;
        return rest;
      }, {});
    });
    return Object.keys(treffer || {}).map(Number).sort(function (a, b) {
      return (index.dokumente[b][3] || "").localeCompare(index.dokumente[a][3] || "");
    });
  }

  function zeige(anfrage) {
    var liste = suche(anfrage);
    ausgabe.textContent = "";
    if (liste === null) return;
    var kopf = document.createElement("h2");
    kopf.id = "ergebnisse";
    kopf.textContent = liste.length === 1 ? "1 Treffer" : liste.length + " Treffer";
    ausgabe.appendChild(kopf);
    var ul = document.createElement("ul");
    ul.className = "dokumentliste";
    liste.slice(0, 100).forEach(function (i) {
      var d = index.dokumente[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = wurzel + d[1];
      a.textContent = d[0];
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = d[2] + (d[3] ? " · " + d[3].split("-").reverse().join(".") : "");
      li.appendChild(a);
      li.appendChild(meta);
      ul.appendChild(li);
    });
    ausgabe.appendChild(ul);
  }

  function laden(danach) {
    if (index) return danach();
    fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); })
      .then(function (daten) { index = daten; danach(); })
      .catch(function () { ausgabe.textContent = "Der Suchindex konnte nicht geladen werden."; });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    laden(function () { zeige(feld.value); });
    if (history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(feld.value));
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { feld.value = q; laden(function () { zeige(q); }); }
})();
