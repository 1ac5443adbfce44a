"""The Open Referral HSDS 3.0 export (nedladdning/hsds/): the national insatser as one
taxonomy with a term each, the kommuner of the local lists as organizations, and the
lists' insatser as services linked to the terms of the national insatser they map to.

HSDS 3.0's canonical format is JSON, validated by its JSON Schemas, one schema per object
and no file format for many records: each file here is a JSON array of one object type,
named like the tables of HSDS's tabular form, with related objects embedded
(dereferenced) as the HSDS docs ask. Ids are UUIDs derived from our ids (uuid5), so they
stay the same from build to build and from one release of the handbook to the next.
"""

from __future__ import annotations

import json
import uuid

from generator.model.records import Alder, Insats, LocalInsats, LocalList
from generator.site.crossrefs import CrossRefs
from generator.site.render.ages import age_text

FOLDER = "nedladdning/hsds"
FILES = ("taxonomies.json", "taxonomy_terms.json", "organizations.json", "services.json")
# The project's namespace for uuid5: uuid5(NAMESPACE_URL, "https://insatshandboken.se/hsds").
# Fixed for good: changing it changes every id in the export.
NAMESPACE = uuid.UUID("a388ae0e-c633-5594-9b71-dbcc054178bd")
TAXONOMY_NAME = "Insatshandboken: nationella insatser"


def uid(kind: str, key: str) -> str:
    """The stable UUID of an object: its kind and our id, e.g. ("service", "iub/alingsas/x")."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def _taxonomy() -> dict:
    return {
        "id": uid("taxonomy", "insatser"),
        "name": TAXONOMY_NAME,
        "description": "Socialtjänstens insatser så som Kartläggning av insatser i "
        "socialtjänst listar dem, en term per insats; termens kod är insatsens "
        "id i Insatshandboken.",
    }


def _term(ins: Insats, refs: CrossRefs) -> dict:
    explanation = next((m.forklaring for m in ins.medlemskap if m.forklaring), None)
    omraden = ", ".join(
        dict.fromkeys(refs.omrade[m.omrade].namn for m in ins.medlemskap if m.omrade in refs.omrade)
    )
    return {
        "id": uid("taxonomy_term", ins.id),
        "code": ins.id,
        "name": ins.namn,
        # the survey's explanation where it gives one; otherwise our own words
        "description": explanation
        or f"Insats i kartläggningen inom {omraden}; kartläggningen ger ingen förklaring.",
        "taxonomy": TAXONOMY_NAME,
        "taxonomy_id": uid("taxonomy", "insatser"),
        "language": "sv",
    }


def _kommun_key(lst: LocalList) -> str:
    return lst.kommun.casefold()


def _organization(lst: LocalList, refs: CrossRefs) -> dict:
    # the publisher of the list document names the kommun as an organisation
    doc = refs.work.get(lst.dokument)
    name = doc.utgivare if doc else lst.kommun
    titles = [x.titel for x in refs.content.lists if _kommun_key(x) == _kommun_key(lst)]
    return {
        "id": uid("organization", _kommun_key(lst)),
        "name": name,
        "description": f"Kommun. Insatshandboken bygger på dess dokument: {'; '.join(titles)}.",
    }


def _eligibility(li: LocalInsats, alder: Alder | None) -> str | None:
    parts = [x for x in (li.malgrupp, *li.villkor) if x]
    if alder:
        parts.append(f"Ålder: {age_text(alder)} (”{alder.kalla_text}”)")
    return " ".join(" ".join(p.split()) for p in parts) or None


def _service(lst: LocalList, li: LocalInsats, refs: CrossRefs, org: dict) -> dict:
    key = f"{lst.kind}/{lst.id}/{li.id}"
    service_id = uid("service", key)
    alder = li.alder or lst.alder  # the item's own age, else the whole list's
    service: dict = {
        "id": service_id,
        "organization_id": org["id"],
        "name": li.namn,
        "description": " ".join((li.innehall or li.malgrupp or li.namn).split()),
        "status": "active",
        "application_process": (
            "Utan ansökan: kommunen ger insatsen utan individuell behovsprövning (IUB)."
            if lst.kind == "iub"
            else "Efter ansökan: insatsen beviljas med biståndsbeslut (behovsprövning)."
        ),
    }
    eligibility = _eligibility(li, alder)
    if eligibility:
        service["eligibility_description"] = eligibility
    # HSDS's ages are those of the person served; a parents' programme states the
    # children's ages, which stay in the eligibility text only
    if alder and alder.avser is None:
        if alder.fran is not None:
            service["minimum_age"] = alder.fran
        if alder.till is not None:
            service["maximum_age"] = alder.till
    service["organization"] = org
    service["service_areas"] = [
        {"id": uid("service_area", key), "service_id": service_id, "name": lst.kommun}
    ]
    service["attributes"] = [
        {
            "id": uid("attribute", f"{key}/{n}"),
            "link_id": service_id,
            "link_entity": "service",
            "taxonomy_term_id": uid("taxonomy_term", n),
            "taxonomy_term": _term(refs.insats[n], refs),
        }
        for n in li.nationell
        if n in refs.insats
    ]
    return service


def _json(objects: list[dict]) -> str:
    return json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def hsds_files(refs: CrossRefs) -> dict[str, str]:
    """nedladdning/hsds/<table>.json → JSON text, for every object type of the export."""
    content = refs.content
    organizations: dict[str, dict] = {}
    services = []
    for lst in content.lists:
        org = organizations.setdefault(_kommun_key(lst), _organization(lst, refs))
        services += [_service(lst, li, refs, org) for g in lst.grupper for li in g.insatser]
    return {
        f"{FOLDER}/taxonomies.json": _json([_taxonomy()]),
        f"{FOLDER}/taxonomy_terms.json": _json([_term(i, refs) for i in content.insatser]),
        f"{FOLDER}/organizations.json": _json(list(organizations.values())),
        f"{FOLDER}/services.json": _json(services),
    }
