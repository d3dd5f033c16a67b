/* Countries: a search-as-you-type filter over the list of country checkboxes, and the countries
   chosen so far. Without JavaScript the list works as it is. Loaded as the widget's Media. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function enhance(list) {
    if (list.dataset.countriesFilterReady) {
      return;
    }
    list.dataset.countriesFilterReady = "true";
    var items = Array.prototype.map.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
      var label = box.closest("label");
      var name = label ? label.textContent.trim() : box.value;
      return { box: box, row: box.closest("div") || box, name: name, key: fold(name + " " + box.value) };
    });

    var bar = document.createElement("div");
    bar.className = "countries-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.id = (list.id || "countries") + "-filter";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-controls", list.id || "");
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = list.dataset.filterLabel;
    var noMatch = document.createElement("p");
    noMatch.className = "countries-filter__no-match";
    noMatch.textContent = list.dataset.noMatch;
    noMatch.hidden = true;
    var chosen = document.createElement("p");
    chosen.className = "countries-filter__chosen";
    chosen.setAttribute("aria-live", "polite");
    bar.append(label, input, noMatch, chosen);
    list.parentNode.insertBefore(bar, list);

    function filter() {
      var wanted = fold(input.value);
      var shown = 0;
      items.forEach(function (item) {
        var match = !wanted || item.key.indexOf(wanted) !== -1;
        item.row.hidden = !match;
        shown += match ? 1 : 0;
      });
      noMatch.hidden = shown > 0;
    }

    function showChosen() {
      var names = items.filter(function (item) { return item.box.checked; }).map(function (item) { return item.name; });
      chosen.textContent = names.length ? list.dataset.chosenLabel + " " + names.join(", ") : list.dataset.noneChosen;
    }

    input.addEventListener("input", filter);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // Enter filters; it must not submit the page's form
        var visible = items.filter(function (item) { return !item.row.hidden; });
        if (visible.length === 1) {
          visible[0].box.click();
        }
      }
    });
    list.addEventListener("change", showChosen);
    showChosen();
  }

  function start() {
    document.querySelectorAll("[data-countries-filter]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
