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
 *     a page (the `namn` field, each term marked with config.namnmarke so that no word's
 *     prefix or typo term reaches it), so an exact name ranks first; the same term one or
 *     two edits away ranks an inflected or misspelt name ("kontaktpersoner") next.
 * A result of several content words is reordered so that pages matching more of them come
 * first (Material ranks by summed scores, so one rare word could outrank all of them):
 * each page's score is weighed by the share of the words its hits match, as Material's
 * own `terms` of each hit report it. Queries with lunr syntax of their own (quotes,
 * + - ~ ^ * :) go to Material unchanged, and so do their results.
 * main.html points Material at this file and passes Material's worker in `?worker=`. */
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2, RESULT = 3 /* Material's worker messages (SearchMessageType) */
  var PREFIX_BOOST = 10, EXACT_BOOST = 100
  var params = {fuzzy1: 5, fuzzy2: 9}
  var stop = {}, mark = ""
  var asked = []  /* content words of the query being answered (the worker answers in order) */

  function words(query) {
    return query.toLowerCase().split(/[^0-9a-zà-öø-ÿ]+/).filter(Boolean)
  }

  function typo(word) {
    return word.length >= params.fuzzy2 ? "~2" : word.length >= params.fuzzy1 ? "~1" : ""
  }

  function transform(query) {
    asked = []
    if (/["~^*:]|(^|\s)[+-]/.test(query)) return query
    var all = words(query), terms = []
    for (var i = 0; i < all.length; i++) {
      var w = all[i]
      if (stop[w]) continue
      asked.push(w)
      terms.push(w + "*^" + PREFIX_BOOST)
      if (typo(w)) terms.push(w + typo(w))
    }
    var joined = all.join("")
    if (joined && !stop[joined]) {
      /* and, below it, the name one or two edits away: "kontaktpersoner", "hemtjenst" */
      var near = typo(joined)
      if (near) terms.unshift(mark + joined + near + "^" + PREFIX_BOOST)
      terms.unshift(mark + joined + "^" + EXACT_BOOST)
    }
    return terms.length ? terms.join(" ") : query
  }

  function coverage(group, words) {
    var found = 0
    for (var w = 0; w < words.length; w++)
      for (var i = 0; i < group.length; i++)
        if (group[i].terms && group[i].terms[words[w]] === true) { found++; break }
    return found / words.length
  }

  function rerank(items, words) {
    var weighed = items.map(function (group, index) {
      var share = coverage(group, words)
      return {group: group, index: index, score: (group[0] ? group[0].score : 0) * share * share}
    })
    weighed.sort(function (a, b) { return b.score - a.score || a.index - b.index })
    return weighed.map(function (x) { return x.group })
  }

  var post = self.postMessage.bind(self)
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && msg.data && msg.data.items && asked.length > 1)
      msg.data.items = rerank(msg.data.items, asked)
    post(msg)
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
