/* Insatshandboken: the handbook's query transform in front of Material's own search worker.
 *
 * Material's worker (loaded below, unchanged) turns every query word into a prefix term
 * ("om" → "om*"), which skips lunr's pipeline, so stop words match every word they begin
 * ("om*" → "område") and a misspelt word finds nothing. Before Material sees a query, this
 * rewrites each word (see generator/mkdocs_plugin/search_index.py, which writes the index
 * config read here):
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
 *
 * Unaccented forms are added here, not in the index files: each entry's words with å, ä, ö
 * (or another accent) get their unaccented form in the hidden `sok` field ("omvårdnad" →
 * "omvardnad"), and its everyday words in `sokord`, so "hemtjanst" finds Hemtjänst. The
 * build writes the other hidden words (inflections, synonyms, names); the same folding
 * there (generator/text.py `fold`) made a fifth of the index's weight.
 *
 * The index every page loads holds the pages' own entries; their sections (config.avsnitt)
 * are fetched here at the first query, and Material's worker is set up again with all
 * entries before it answers that query.
 * main.html points Material at this file and passes Material's worker in `?worker=`. */
(function () {
  "use strict"
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3 /* Material's SearchMessageType */
  var PREFIX_BOOST = 10, EXACT_BOOST = 100
  var params = {fuzzy1: 5, fuzzy2: 9}
  var stop = {}, mark = ""
  var asked = []  /* content words of the query being answered (the worker answers in order) */
  /* sections: null before the first query, then "loading", "rebuilding", "done" */
  var setup = null, sections = null, pending = null

  /* The build's word pattern (search_index.py `_WORD`) and its fold (generator/text.py) */
  var WORD = /[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+/g
  var TAG = /<[^>]+>/g

  function fold(word) {
    return word.replace(/[åä]/g, "a").replace(/ö/g, "o")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
  }

  /* The unaccented forms of a text's accented words that it lacks, stop words left out */
  function unaccented(text) {
    var found = (text.match(WORD) || []).map(function (w) { return w.toLowerCase() })
    var has = {}, out = []
    found.forEach(function (w) { has[w] = true })
    for (var i = 0; i < found.length; i++) {
      var w = found[i]
      if (/^[\x00-\x7f]*$/.test(w)) continue
      var f = fold(w)
      if (has[f] || stop[f]) continue
      has[f] = true
      out.push(f)
    }
    return out.join(" ")
  }

  function addUnaccented(docs) {
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i]
      var text = (doc.title || "") + " " + (doc.text || "").replace(TAG, " ") + " " + (doc.sok || "")
      var sok = unaccented(text), sokord = doc.sokord && unaccented(doc.sokord)
      if (sok) doc.sok = doc.sok ? doc.sok + " " + sok : sok
      if (sokord) doc.sokord += " " + sokord
    }
    return docs
  }

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

  function send(msg) {  /* to Material's listener (and this one), as if from the page */
    self.dispatchEvent(new MessageEvent("message", {data: msg}))
  }

  function loadSections() {
    sections = "loading"
    var url = new URL("../../../" + setup.config.avsnitt, location.href)  /* the site root */
    fetch(url).then(function (r) { return r.ok ? r.json() : {docs: []} })
      .catch(function () { return {docs: []} })  /* search on with the pages' own entries */
      .then(function (data) {
        sections = "rebuilding"
        var more = addUnaccented(data.docs || [])
        send({type: SETUP, data: {config: setup.config, docs: setup.docs.concat(more),
                                  options: setup.options}})
      })
  }

  var post = self.postMessage.bind(self)
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && msg.data && msg.data.items && asked.length > 1)
      msg.data.items = rerank(msg.data.items, asked)
    if (msg && msg.type === READY && sections === "rebuilding") {
      sections = "done"  /* the page had its READY long ago: answer the waiting query */
      var query = pending
      pending = null
      if (query !== null) send({type: QUERY, data: query})
      return
    }
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
      if (!setup) {  /* the page's own: the sections' second set-up has theirs already */
        setup = msg.data
        addUnaccented(setup.docs || [])  /* in place: Material's listener reads these */
      }
    } else if (msg.type === QUERY && typeof msg.data === "string") {
      if (msg.data && setup && setup.config.avsnitt && sections !== "done") {
        pending = msg.data  /* the latest wins: the page shows the last answer anyway */
        ev.stopImmediatePropagation()  /* Material answers it once the sections are in */
        if (sections === null) loadSections()
        return
      }
      msg.data = transform(msg.data)  /* the same event object reaches Material's listener */
    }
  })

  var worker = new URL(location.href).searchParams.get("worker")
  var url = worker && new URL(worker, location.href)
  if (url && url.origin === location.origin) importScripts(url.href)
})()
