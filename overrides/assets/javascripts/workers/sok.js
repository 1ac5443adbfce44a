/* Insatshandboken: the handbook's query transform in front of Material's own search worker.
 *
 * Material's worker (loaded below, unchanged) turns every query word into a prefix term
 * ("om" → "om*"), which skips lunr's pipeline, so stop words match every word they begin
 * ("om*" → "område") and a misspelt word finds nothing. Before Material sees a query, this
 * rewrites each word (see generator/site/search docs and the index config it reads):
 *   - stop words (the index's own list, config.stoppord) are left out;
 *   - each other word is a prefix term, boosted above the typo terms below;
 *   - a word of five letters or more also matches words one edit away ("hemtjenst~1"),
 *     two for long words;
 *   - the whole query, written together ("bostad först" → "ǂbostadförst"), is asked for as
 *     one exact term: the index has such a term for each name, alias and everyday word of
 *     a page (the `namn` field, each term marked with config.namnmarke so that no prefix
 *     or typo term reaches it), so an exact name ranks first.
 * Queries with lunr syntax of their own (quotes, + - ~ ^ * :) go to Material unchanged.
 * main.html points Material at this file and passes Material's worker in `?worker=`. */
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2 /* Material's worker messages (SearchMessageType) */
  var PREFIX_BOOST = 10, EXACT_BOOST = 100
  var params = {fuzzy1: 5, fuzzy2: 9}
  var stop = {}, mark = ""

  function words(query) {
    return query.toLowerCase().split(/[^0-9a-zà-öø-ÿ]+/).filter(Boolean)
  }

  function transform(query) {
    if (/["~^*:]|(^|\s)[+-]/.test(query)) return query
    var all = words(query), terms = []
    for (var i = 0; i < all.length; i++) {
      var w = all[i]
      if (stop[w]) continue
      terms.push(w + "*^" + PREFIX_BOOST)
      if (w.length >= params.fuzzy2) terms.push(w + "~2")
      else if (w.length >= params.fuzzy1) terms.push(w + "~1")
    }
    var joined = all.join("")
    if (joined && !stop[joined]) terms.unshift(mark + joined + "^" + EXACT_BOOST)
    return terms.length ? terms.join(" ") : query
  }

  self.addEventListener("message", function (ev) {
    var msg = ev.data
    if (!msg) return
    if (msg.type === SETUP && msg.data && msg.data.config) {
      var config = msg.data.config
      ;(config.stoppord || []).forEach(function (w) { stop[w] = true })
      if (config.fuzzy) params = config.fuzzy
      mark = config.namnmarke || ""
    } else if (msg.type === QUERY && typeof msg.data === "string") {
      msg.data = transform(msg.data)  /* the same event object reaches Material's listener */
    }
  })

  var worker = new URL(location.href).searchParams.get("worker")
  var url = worker && new URL(worker, location.href)
  if (url && url.origin === location.origin) importScripts(url.href)
})()
