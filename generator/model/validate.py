"""Cross-record checks on loaded content: ids, references, figures, URLs – all problems.

Text fields are not checked for HTML or Markdown: they are rendered literally (escaped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from generator.model import ages, collisions, records, validate_situations
from generator.model.characters import invisible_folded
from generator.model.fields import ID_PATTERN, MAX_KOMMUNER
from generator.model.problems import Problem, SourcePositions, UnexpectedError, did_you_mean
from generator.model.urls import url_problem
from generator.text import fold


def validate(content: records.Content, index: SourcePositions | None = None) -> list[Problem]:
    """Every cross-record problem of `content`; `index` gives exact positions."""
    return _Checker(content, index or SourcePositions()).run()


def _file(record: object) -> str:
    loc = getattr(record, "location", None)
    return loc.file if loc else "?"


class _Checker:
    def __init__(self, content: records.Content, index: SourcePositions) -> None:
        self.c = content
        self.index = index
        self.problems: list[Problem] = []
        self.omraden = {o.id: o for o in content.omraden}
        self.works = {w.id for w in content.works} | index.broken.get("kallor", set())
        self.insatser = {i.id for i in content.insatser} | index.broken.get("insatser", set())
        self.work = {w.id: w for w in content.works}

    def report(self, file: str, path: str, message: str, hint: str = "") -> None:
        self.problems.append(self.index.problem(file, path, message, hint))

    def run(self) -> list[Problem]:
        for group in (self.c.insatser, self.c.omraden, self.c.works, self.c.lists):
            for r in group:
                self.guarded(r, self.check_id, r)
        self.guarded(None, self.check_unique_names)
        for o in self.c.omraden:
            self.guarded(o, self.check_omrade, o)
        for i in self.c.insatser:
            self.guarded(i, self.check_insats, i)
        for w in self.c.works:
            self.guarded(w, self.check_url, _file(w), "url", w.url)
        for lst in self.c.lists:
            self.guarded(lst, self.check_list, lst)
        if self.c.iub:
            self.guarded(self.c.iub, self.check_explainer, self.c.iub)
        for file, path, message, hint in collisions.collisions(self.c):
            self.report(file, path, message, hint)
        if self.c.sokord:
            self.guarded(self.c.sokord, self.check_everyday_words, self.c.sokord)
        self.guarded(self.c, validate_situations.check, self)
        return self.problems

    def guarded(self, record: object, check: Callable[..., None], *args: object) -> None:
        """check(*args); an unexpected error becomes a problem at the record's file."""
        try:
            check(*args)
        except Exception as err:
            self.problems.append(UnexpectedError.at(record, "posten kontrollerades", err).problem)

    # ids and uniqueness -------------------------------------------------------------
    def check_id(self, record) -> None:
        file = _file(record)
        stem = file.rsplit("/", 1)[-1].removesuffix(".yml")
        if record.id != stem:
            hint = (
                f'ska vara "{stem}" (filnamnet utan .yml)'
                if re.fullmatch(ID_PATTERN, stem)
                else f"döp om filen till {record.id}.yml"
            )
            self.report(file, "id", f'"{record.id}" stämmer inte med filnamnet', hint)

    def check_unique_names(self) -> None:
        # Two insatser with one name would get indistinguishable pages and search hits –
        # also when they differ only in what a reader cannot see (invisible characters,
        # compatibility forms, spacing).
        seen: dict[str, records.Insats] = {}
        for i in self.c.insatser:
            key = fold(invisible_folded(i.namn))
            if key in seen:
                self.report(
                    _file(i),
                    "namn",
                    f"samma namn som {_file(seen[key])}",
                    "slå ihop posterna eller ge dem olika namn",
                )
            else:
                seen[key] = i
        numbers: dict[int, records.Omrade] = {}
        for o in self.c.omraden:
            if o.nummer in numbers:
                self.report(
                    _file(o),
                    "nummer",
                    f"nummer {o.nummer} används redan av {_file(numbers[o.nummer])}",
                    "varje område har ett eget nummer",
                )
            numbers.setdefault(o.nummer, o)
            if o.nummer < 1:
                self.report(
                    _file(o),
                    "nummer",
                    f"{o.nummer} är inget avsnittsnummer",
                    "ska vara 1 eller större",
                )

    def duplicates(self, file: str, path: str, ids: Iterable[str], what: str) -> None:
        seen: dict[str, int] = {}
        for n, id_ in enumerate(ids):
            if id_ in seen:
                self.report(
                    file,
                    f"{path}[{n}].id",
                    f'{what} "{id_}" finns redan',
                    f"se {path}[{seen[id_]}]; id:n ska vara unika",
                )
            else:
                seen[id_] = n

    # område ----------------------------------------------------------------------------
    def check_omrade(self, o: records.Omrade) -> None:
        file = _file(o)
        self.duplicates(file, "kategorier", (k.id for k in o.kategorier), "kategorin")
        for n, k in enumerate(o.kategorier):
            if not re.fullmatch(r"\d+(\.\d+)*", k.id):
                self.report(
                    file,
                    f"kategorier[{n}].id",
                    f'"{k.id}" är inget kategorinummer',
                    'ska vara siffror med punkt, t.ex. "3.2"',
                )
            seen: set[str] = set()
            for m, rubrik in enumerate(k.rubriker):
                if rubrik in seen:
                    self.report(
                        file,
                        f"kategorier[{n}].rubriker[{m}]",
                        f'rubriken "{rubrik}" finns redan',
                        "ta bort dubbletten",
                    )
                seen.add(rubrik)
        for n, see in enumerate(o.se_ocksa):
            self.check_ref(
                file,
                f"se_ocksa[{n}].omrade",
                see.omrade,
                set(self.omraden),
                "område",
                "content/omraden/",
            )

    # insats ----------------------------------------------------------------------------
    def check_insats(self, i: records.Insats) -> None:
        file = _file(i)
        places: dict[tuple, int] = {}
        for n, m in enumerate(i.medlemskap):
            path = f"medlemskap[{n}]"
            place = (m.omrade, m.kategori, m.rubrik)
            if place in places:
                self.report(
                    file,
                    path,
                    f"samma område, kategori och rubrik som medlemskap[{places[place]}]",
                    "slå ihop medlemskapen",
                )
            places.setdefault(place, n)
            if m.ordning < 0:
                self.report(
                    file, f"{path}.ordning", f"{m.ordning} är negativt", "ska vara 0 eller större"
                )
            self.check_place(file, path, m)
            self.check_refs(
                file, f"{path}.kallor", m.kallor, self.works, "källan", "content/kallor/"
            )
            if m.statistik:
                self.check_statistics(file, f"{path}.statistik", m.statistik)
            self.check_age(file, f"{path}.alder", m, "förklaringen eller namnet i källan")
        self.check_own_text(file, i)

    def check_own_text(self, file: str, i: records.Insats) -> None:
        """An insats's own statements need a source, and an insats outside the survey needs
        an område and a text: a page must never state what no source supports."""
        for n, o in enumerate(i.omraden):
            self.check_ref(
                file, f"omraden[{n}]", o, set(self.omraden), "område", "content/omraden/"
            )
        self.check_refs(file, "kallor", i.kallor, self.works, "källan", "content/kallor/")
        if i.beskrivning is not None and not i.beskrivning.strip():
            self.report(
                file,
                "beskrivning",
                "beskrivningen är tom",
                "skriv vad insatsen är med egna ord, eller ta bort raden",
            )
        if i.beskrivning and i.beskrivning.strip() and not i.kallor:
            self.report(
                file,
                "kallor",
                "beskrivningen har ingen källa",
                "ange minst ett verk i kallor (filnamn i content/kallor/); "
                'skapa ett med python -m generator new kalla "…"',
            )
        if i.medlemskap:
            return
        if not i.omraden:
            self.report(
                file,
                "omraden",
                "insatsen hör inte till något område",
                "ange minst ett område i omraden, t.ex. [missbruk-och-beroende]",
            )
        if not (i.beskrivning and i.beskrivning.strip()):
            self.report(
                file,
                "beskrivning",
                "insatsen har ingen text",
                "skriv vad insatsen är och för vem i beskrivning, med en källa i kallor",
            )

    def check_age(self, file: str, path: str, record, where: str) -> None:
        """An age must be a sane range, stated by a phrase of the record's own text."""
        if record.alder is None:
            return
        for key, message, hint in ages.age_problems(record.alder):
            self.report(file, f"{path}.{key}" if key else path, message, hint)
        if not ages.phrase_occurs(record.alder.kalla_text, ages.own_texts(record)):
            self.report(
                file,
                f"{path}.kalla_text",
                "frasen finns inte i postens egen text",
                f"kopiera frasen som anger åldern ordagrant ur {where}",
            )

    def check_place(self, file: str, path: str, m: records.Membership) -> None:
        if m.omrade in self.index.broken.get("omraden", set()):
            return  # its own file's problems are reported; nothing to compare with
        omrade = self.omraden.get(m.omrade)
        if omrade is None:
            self.report(
                file,
                f"{path}.omrade",
                f'okänt område "{m.omrade}"',
                "ska vara ett filnamn i content/omraden/" + did_you_mean(m.omrade, self.omraden),
            )
            return
        categories: dict[str, records.Category] = {}
        for k in omrade.kategorier:  # a duplicate id is reported on the område; first wins
            categories.setdefault(k.id, k)
        category = categories.get(m.kategori)
        if category is None:
            self.report(
                file,
                f"{path}.kategori",
                f'okänd kategori "{m.kategori}" i området "{m.omrade}"',
                "finns: " + ", ".join(categories) + did_you_mean(m.kategori, categories),
            )
            return
        if m.rubrik is not None and m.rubrik not in category.rubriker:
            known = ", ".join(f'"{r}"' for r in category.rubriker) or "inga"
            self.report(
                file,
                f"{path}.rubrik",
                f'okänd rubrik "{m.rubrik}" i kategori {m.kategori}',
                f"rubriker där: {known}" + did_you_mean(m.rubrik, category.rubriker),
            )

    def check_statistics(self, file: str, path: str, s: records.Statistics) -> None:
        for measure in records.MEASURES:
            figure = getattr(s, measure)
            if figure is None:
                continue
            where = f"{path}.{measure}"
            if not 0 <= figure.andel <= 100:
                self.report(
                    file,
                    f"{where}.andel",
                    f"andelen {figure.andel} ligger utanför 0–100",
                    "ange andelen i hela procent som tryckt, t.ex. 70",
                )
            if figure.antal < 0:
                self.report(
                    file,
                    f"{where}.antal",
                    f"antalet {figure.antal} är negativt",
                    "ange antalet kommuner som tryckt (0 eller större)",
                )
            elif figure.antal > MAX_KOMMUNER:
                self.report(
                    file,
                    f"{where}.antal",
                    f"antalet {figure.antal} är fler än de "
                    f"{MAX_KOMMUNER} kommuner som svarade på kartläggningen",
                    "ange antalet kommuner som tryckt; Hemtjänst, som alla svarande "
                    f"ger, har {MAX_KOMMUNER}",
                )
            elif 0 <= figure.andel <= 100 and figure.antal * 100 > MAX_KOMMUNER * (
                figure.andel + 0.5
            ):
                self.report(
                    file,
                    f"{where}.andel",
                    f"{figure.antal} kommuner och "
                    f"{figure.andel} % går inte ihop: det skulle kräva fler än "
                    f"{MAX_KOMMUNER} svarande kommuner",
                    "kontrollera antal och andel mot tabellen: har siffrorna hamnat i fel kolumn?",
                )
        given = s.ges
        for measure in records.MEASURES[1:]:
            figure = getattr(s, measure)
            if given is not None and figure is not None and figure.antal > given.antal:
                self.report(
                    file,
                    f"{path}.{measure}.antal",
                    f"{figure.antal} kommuner är fler "
                    f"än de {given.antal} som ger insatsen alls (ges)",
                    "de som ger den digitalt, i enskild regi eller utan beslut hör "
                    "till dem som ger den; kontrollera kolumnerna",
                )

    def check_refs(
        self,
        file: str,
        path: str,
        ids: Iterable[str],
        known: set[str],
        what: str,
        folder: str,
        where: str = "",
    ) -> None:
        """Every id in `ids` is in `known`; `where` says what an id must be (by default a
        file name in `folder`)."""
        for n, id_ in enumerate(ids):
            if id_ not in known:
                self.report(
                    file,
                    f"{path}[{n}]",
                    f'okänd {what} "{id_}"',
                    (where or f"ska vara ett filnamn i {folder}") + did_you_mean(id_, known),
                )

    def check_ref(
        self, file: str, path: str, id_: str, known: set[str], what: str, folder: str
    ) -> None:
        if id_ not in known:
            self.report(
                file,
                path,
                f'okänd {what} "{id_}"',
                f"ska vara ett filnamn i {folder}" + did_you_mean(id_, known),
            )

    # urls ------------------------------------------------------------------------------
    def check_url(self, file: str, path: str, url: str | None) -> None:
        if url is not None and (found := url_problem(url)):
            self.report(file, path, *found)

    # local lists -------------------------------------------------------------------------
    def check_list(self, lst: records.LocalList) -> None:
        file = _file(lst)
        self.check_ref(file, "dokument", lst.dokument, self.works, "källa", "content/kallor/")
        self.check_refs(file, "kallor", lst.kallor, self.works, "källa", "content/kallor/")
        self.duplicates(file, "grupper", (g.id for g in lst.grupper), "gruppen")
        self.check_age(file, "alder", lst, "inledningen")
        seen: dict[str, str] = {}
        for g, group in enumerate(lst.grupper):
            for n, ins in enumerate(group.insatser):
                path = f"grupper[{g}].insatser[{n}]"
                if ins.id in seen:
                    self.report(
                        file,
                        f"{path}.id",
                        f'insatsen "{ins.id}" finns redan',
                        f"se {seen[ins.id]}; id:n ska vara unika i listan",
                    )
                seen.setdefault(ins.id, path)
                self.check_refs(
                    file,
                    f"{path}.nationell",
                    ins.nationell,
                    self.insatser,
                    "nationell insats",
                    "content/insatser/",
                )
                self.check_refs(
                    file, f"{path}.kallor", ins.kallor, self.works, "källa", "content/kallor/"
                )
                for k, meth in enumerate(ins.metod):
                    self.check_refs(
                        file,
                        f"{path}.metod[{k}].nationell",
                        meth.nationell,
                        self.insatser,
                        "nationell insats",
                        "content/insatser/",
                    )
                self.check_age(file, f"{path}.alder", ins, "målgruppen, villkoren eller innehållet")

    def check_everyday_words(self, words: records.EverydayWords) -> None:
        """Every word points at something that exists, and each word is listed once (a
        second entry would silently split its pages)."""
        file = _file(words)
        omraden = set(self.omraden) | self.index.broken.get("omraden", set())
        situationer = {s.id for s in self.c.situationer} | self.index.broken.get(
            "livssituationer", set()
        )
        seen: dict[str, int] = {}
        for n, w in enumerate(words.sokord):
            path = f"sokord[{n}]"
            if not (w.insatser or w.omraden or w.listor or w.livssituationer):
                self.report(
                    file,
                    f"{path}.ord",
                    f'"{w.ord}" pekar inte på någon sida',
                    "ange insatser:, omraden:, listor: eller livssituationer:",
                )
            self.check_refs(
                file,
                f"{path}.listor",
                w.listor,
                {f"{lst.kind}/{lst.id}" for lst in self.c.lists}
                | {
                    f"{k}/{i}" for k in ("iub", "skolgang") for i in self.index.broken.get(k, set())
                },
                "lista",
                "content/iub/ eller content/skolgang/ (som mapp/id)",
            )
            self.check_refs(
                file,
                f"{path}.insatser",
                w.insatser,
                self.insatser,
                "nationell insats",
                "content/insatser/",
            )
            self.check_refs(
                file, f"{path}.omraden", w.omraden, omraden, "område", "content/omraden/"
            )
            self.check_refs(
                file,
                f"{path}.livssituationer",
                w.livssituationer,
                situationer,
                "livssituation",
                "content/livssituationer/",
            )
            key = " ".join(w.ord.casefold().split())
            if key in seen:
                self.report(
                    file,
                    f"{path}.ord",
                    f'"{w.ord}" finns redan',
                    f"slå ihop med sokord[{seen[key]}]",
                )
            seen.setdefault(key, n)
            if w.ord != w.ord.strip() or not w.ord.strip():
                self.report(
                    file,
                    f"{path}.ord",
                    "ordet är tomt eller har blanksteg i kanten",
                    "skriv ordet utan blanksteg före och efter",
                )

    def check_explainer(self, e: records.IubExplainer) -> None:
        file = _file(e)
        for s, section in enumerate(e.avsnitt):
            for h, ref in enumerate(section.hanvisningar):
                self.check_ref(
                    file,
                    f"avsnitt[{s}].hanvisningar[{h}].dokument",
                    ref.dokument,
                    self.works,
                    "källa",
                    "content/kallor/",
                )
        for n, ex in enumerate(e.undantagna):
            self.check_refs(
                file,
                f"undantagna[{n}].nationell",
                ex.nationell,
                self.insatser,
                "nationell insats",
                "content/insatser/",
            )
        self.check_ref(
            file,
            "undantagna_kalla.dokument",
            e.undantagna_kalla.dokument,
            self.works,
            "källa",
            "content/kallor/",
        )
        if e.om_avslag is not None:
            self.check_refs(
                file, "om_avslag.kallor", e.om_avslag.kallor, self.works, "källa", "content/kallor/"
            )
            if not e.om_avslag.kallor:
                self.report(
                    file,
                    "om_avslag.kallor",
                    "texten har ingen källa",
                    "ange minst ett verk som säger det texten säger",
                )
