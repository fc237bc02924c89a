// The header's "Zoeken": without a script it is a link to the search page; with one it becomes
// a button that shows the search field under the header (a disclosure). Escape closes what is
// open in the header and puts focus back on its control; opening one closes the other.
(function () {
  "use strict";
  var link = document.querySelector("[data-zoeken]");
  var menu = document.querySelector(".loket-menu");
  var panel = link && document.getElementById(link.getAttribute("data-zoeken"));
  var button = null;

  function setSearch(open) {
    if (!button) { return; }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  if (link && panel) {
    button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-controls", panel.id);
    button.setAttribute("aria-expanded", "false");
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var open = panel.hidden;
      setSearch(open);
      if (open) {
        if (menu) { menu.open = false; }
        var field = panel.querySelector("input[type=search]");
        if (field) { field.focus(); }
      }
    });
  }

  if (menu) {
    menu.addEventListener("toggle", function () {
      if (menu.open) { setSearch(false); }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var here = document.activeElement;
    if (button && !panel.hidden && (panel.contains(here) || here === button)) {
      setSearch(false);
      button.focus();
    } else if (menu && menu.open && menu.contains(here)) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
