/* claimledger: progressive enhancement only. Without this script every figure is a link to its card below
   the article; with it, selecting a figure shows its card in the side panel. No inline script anywhere. */
(function () {
  "use strict";

  function showFigure(id) {
    var card = document.getElementById("figure-" + id);
    var panel = document.getElementById("panel");
    var body = document.getElementById("panel-body");
    if (!card || !panel || !body) {
      return false;
    }
    var copy = card.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.add("in-panel");
    body.replaceChildren(copy);
    panel.hidden = false;
    document.querySelectorAll("a.fig.selected").forEach(function (el) { el.classList.remove("selected"); });
    var mark = document.getElementById("fig-" + id);
    if (mark) {
      mark.classList.add("selected");
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#figure-" + id);
    }
    if (window.matchMedia("(max-width: 900px)").matches) {
      panel.scrollIntoView({ block: "nearest" });
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-figure]") : null;
    if (link && showFigure(link.getAttribute("data-figure"))) {
      event.preventDefault();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("panel");
    if (panel) {
      panel.hidden = false;
      document.body.classList.add("has-panel");
    }
    var match = window.location.hash.match(/^#figure-([\w.-]+)$/);
    if (match) {
      showFigure(match[1]);
    }
  });
})();
