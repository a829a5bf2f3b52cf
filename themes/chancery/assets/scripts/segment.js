/* Word segmentation of search queries, for scripts written without spaces (Lao, Khmer,
   Burmese, Thai). The index was made from copies of the pages whose runs of these scripts
   were cut into words by ICU and joined with U+200A HAIR SPACE (chancery/pipeline/segment.py,
   same ranges as below); the query is cut the same way, with Intl.Segmenter (ICU too),
   and the hair spaces are taken out of the excerpts shown. Used by search.js. */
(function () {
  var RUN = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F\u1780-\u17FF\u19E0-\u19FF\u200B]+/g;
  var HAIR = /\u200A/g;

  function words(run, segmenter) {
    var found = [];
    var parts = segmenter.segment(run);
    for (var it = parts[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      var text = step.value.segment;
      if (text.trim() && text !== "\u200B") { found.push(text); }
    }
    return found.join(" ");
  }

  function term(query, lang) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) { return query; }
    var segmenter = new Intl.Segmenter(lang || undefined, { granularity: "word" });
    return query.replace(RUN, function (run) {
      return " " + words(run, segmenter) + " ";
    }).replace(/\s+/g, " ").trim();
  }

  function result(found) {
    if (found && typeof found.excerpt === "string") {
      found.excerpt = found.excerpt.replace(HAIR, "");
    }
    if (found && found.meta && typeof found.meta.title === "string") {
      found.meta.title = found.meta.title.replace(HAIR, "");
    }
    (found && found.sub_results || []).forEach(function (sub) {
      if (typeof sub.excerpt === "string") { sub.excerpt = sub.excerpt.replace(HAIR, ""); }
      if (typeof sub.title === "string") { sub.title = sub.title.replace(HAIR, ""); }
    });
    return found;
  }

  window.chancerySegment = { term: term, result: result };
})();
