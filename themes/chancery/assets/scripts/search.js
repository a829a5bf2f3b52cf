/* The search page: Pagefind's UI over this language's index only (see search.html).
   A file, not an inline script, so the pages' Content-Security-Policy allows it. The
   index is split into bundles ("shards", listed in shards.json, pages first): the first
   is loaded, the others merged into it, so results come from all of them. */
(function () {
  var element = document.getElementById("chancery-search");
  if (!element) { return; }
  /* Absolute: Pagefind resolves bundle paths against its own script's address. */
  var base = new URL(element.getAttribute("data-pagefind-base"), window.location.href).href;
  fetch(base + "shards.json").then(function (response) {
    return response.json();
  }).then(function (shards) {
    if (!shards.length) { return; }
    var first = base + shards[0] + "/";
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = first + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = first + "pagefind-ui.js";
    script.onload = function () {
      var ui = new PagefindUI({
        element: "#chancery-search",
        bundlePath: first,
        mergeIndex: shards.slice(1).map(function (name) {
          return { bundlePath: base + name + "/" };
        }),
        /* Words of unspaced scripts cut as in the index (segment.js). */
        processTerm: function (term) {
          var segment = window.chancerySegment;
          return segment ? segment.term(term, document.documentElement.lang) : term;
        },
        processResult: function (result) {
          return window.chancerySegment ? window.chancerySegment.result(result) : result;
        },
        showImages: false,
        resetStyles: false,
        autofocus: true
      });
      /* Pagefind names its box only by a title: name it by the page's heading. */
      var input = element.querySelector(".pagefind-ui__search-input");
      if (input) { input.setAttribute("aria-labelledby", "chancery-search-title"); }
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { ui.triggerSearch(query); }
    };
    document.head.appendChild(script);
  });
})();
