// Type to find in the comparison picker: the search box filters the municipalities by name
// (or Kolada id) and opens the counties that have a match. Without this script the picker is
// still a plain form of grouped checkboxes; nothing here changes what the form submits.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase("sv").trim();
  }

  function setUp(picker) {
    var search = picker.querySelector(".picker-search");
    var input = search.querySelector("input");
    var count = search.querySelector("[role=status]");
    var groups = Array.prototype.slice.call(picker.querySelectorAll("details"));
    var wasOpen = groups.map(function (group) { return group.open; });

    function visibleBoxes() {
      return Array.prototype.filter.call(
        picker.querySelectorAll("details input[type=checkbox]"),
        function (box) { return box.offsetParent !== null; }
      );
    }

    function filter() {
      var query = normalise(input.value);
      var matches = 0;
      groups.forEach(function (group, index) {
        var found = 0;
        Array.prototype.forEach.call(group.querySelectorAll("li"), function (item) {
          var box = item.querySelector("input");
          var hit = !query || normalise(item.textContent).indexOf(query) !== -1 ||
            box.value.indexOf(query) === 0;
          item.hidden = !hit;
          if (hit) { found += 1; }
        });
        matches += found;
        group.hidden = Boolean(query) && found === 0;
        group.open = query ? found > 0 : wasOpen[index];
      });
      if (!query) {
        count.textContent = "";
      } else if (matches === 0) {
        count.textContent = picker.dataset.none;
      } else if (matches === 1) {
        count.textContent = picker.dataset.one;
      } else {
        count.textContent = picker.dataset.many.replace("%(n)s", String(matches));
      }
    }

    input.addEventListener("input", filter);
    input.addEventListener("keydown", function (event) {
      // Enter in the search box would submit the form: go to the first match instead.
      if (event.key === "Enter" || event.key === "ArrowDown") {
        var first = visibleBoxes()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        } else if (event.key === "Enter") {
          event.preventDefault();
        }
      }
    });
    // Remember which counties the reader opened by hand, to restore them when the box is cleared.
    groups.forEach(function (group, index) {
      group.addEventListener("toggle", function () {
        if (!input.value) { wasOpen[index] = group.open; }
      });
    });
    search.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-picker]"), setUp);
})();
