// Filters the offers list in place; without JavaScript the pages per kind and per feature do the same.
(function () {
  "use strict";
  var form = document.querySelector(".angebote-filter");
  if (!form) { return; }
  form.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll(".angebote-gruppen li[data-art]"));
  var status = form.querySelector(".filter-ergebnis");
  function checked(name) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name='" + name + "']:checked")).map(function (i) { return i.value; });
  }
  function apply() {
    var arten = checked("art"), merkmale = checked("merkmal"), shown = 0;
    items.forEach(function (li) {
      var has = (li.getAttribute("data-merkmale") || "").split(" ");
      var ok = (arten.length === 0 || arten.indexOf(li.getAttribute("data-art")) >= 0) &&
        merkmale.every(function (m) { return has.indexOf(m) >= 0; });
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    // Headings of groups left empty are hidden with them.
    Array.prototype.slice.call(document.querySelectorAll(".angebote-gruppen ul")).forEach(function (ul) {
      var empty = !ul.querySelector("li:not([hidden])");
      ul.hidden = empty;
      if (ul.previousElementSibling) { ul.previousElementSibling.hidden = empty; }
    });
    Array.prototype.slice.call(document.querySelectorAll(".angebote-art")).forEach(function (s) {
      s.hidden = !s.querySelector("li:not([hidden])");
    });
    status.textContent = shown === 1 ? "1 Angebot wird angezeigt." : shown + " Angebote werden angezeigt.";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
