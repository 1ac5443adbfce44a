"""Editor documentation of every YAML key: Swedish description, example, constraints.

One table, read by the JSON Schema generator and by the editors' docs page, so the two
never disagree. Keys are "Class.field" for the dataclasses in generator/model/records.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s]+$"
MAX_TEXT = 50_000  # characters in one string; the longest real text is far shorter
# Responding kommuner of the survey: its tables never print the total, but the largest
# count is Hemtjänst's "245 (100%)" (seed 001, Verksamhetsområde äldre) – every responding
# kommun gives it. No count can be higher. A new survey round may need a new bound.
MAX_KOMMUNER = 245
MAX_URL = 2000  # characters (generator/model/urls.py checks the rest of a URL)


@dataclass(frozen=True)
class FieldDoc:
    description: str
    example: Any = None
    schema: dict[str, Any] = field(default_factory=dict)  # extra JSON Schema keywords


_ID = {"pattern": ID_PATTERN}  # only on keys that define an id: references get "menade du"
_PCT = {"minimum": 0, "maximum": 100}

FIELDS: dict[str, FieldDoc] = {
    # content/insatser/<id>.yml
    "Insats.id": FieldDoc(
        "Insatsens id, samma som filnamnet utan .yml (små bokstäver, siffror och bindestreck).",
        "kontaktperson",
        _ID,
    ),
    "Insats.namn": FieldDoc("Insatsens namn som det visas på webbplatsen.", "Kontaktperson"),
    "Insats.forkortning": FieldDoc("Förkortning som källan skriver den.", "ART"),
    "Insats.alias": FieldDoc(
        "Andra namn eller stavningar som källorna använder; söks och visas i A–Ö-registret.",
        ["Kontaktfamilj"],
    ),
    "Insats.medlemskap": FieldDoc(
        "Var insatsen finns i kartläggningen: ett medlemskap per "
        "område och kategori, vart och ett med egen statistik."
    ),
    "Alder.fran": FieldDoc(
        "Lägsta ålder i hela år (räknas med); utelämnas om källan bara anger en övre gräns.",
        0,
        {"minimum": 0, "maximum": 120},
    ),
    "Alder.till": FieldDoc(
        'Högsta ålder i hela år (räknas med): "under 18 år" är 17; '
        "utelämnas om källan bara anger en nedre gräns.",
        18,
        {"minimum": 0, "maximum": 120},
    ),
    "Alder.avser": FieldDoc(
        '"barnet" när åldern är barnens, t.ex. i ett föräldraprogram; '
        "utelämnas när det är åldern hos dem insatsen är till för.",
        "barnet",
        {"enum": ["barnet", None]},
    ),
    "Alder.kalla_text": FieldDoc(
        "Frasen som anger åldern, ordagrant ur postens egen text (kontrolleras).",
        "föräldrar med barn i åldern 0-18 år",
    ),
    "Insats.beskrivning": FieldDoc(
        "Insatsens egen beskrivning med egna ord, som vanlig text "
        "(inte kartläggningens). Kräver minst en källa i kallor.",
        "Stöd till den som …",
    ),
    "Insats.kallor": FieldDoc(
        "Id:n för verk som stöder beskrivningen (filnamn i content/kallor/).",
        ["socialstyrelsen-2008-termbanken"],
    ),
    "Insats.omraden": FieldDoc(
        "Områden (filnamn i content/omraden/) som insatsen hör till "
        "utanför kartläggningen; krävs om medlemskap saknas.",
        ["missbruk-och-beroende"],
    ),
    "Membership.omrade": FieldDoc("Områdets id (filnamn i content/omraden/).", "barn-och-unga"),
    "Membership.kategori": FieldDoc("Kategorins nummer inom området, som text.", "3.2"),
    "Membership.rubrik": FieldDoc(
        "Underrubrik inom kategorin, exakt som i områdets fil; "
        "utelämnas om kategorin saknar underrubriker.",
        "Öppenvård",
    ),
    "Membership.ordning": FieldDoc(
        "Radens plats i källans tabell (för källans ordning).", 4, {"minimum": 0}
    ),
    "Membership.namn_i_kalla": FieldDoc(
        "Namnet exakt som förklaringsbilagan skriver det.", "Kontaktperson"
    ),
    "Membership.forklaring": FieldDoc(
        "Förklaringen ur källan, som vanlig text. Stycken skiljs med en tom rad.",
        "Kontaktperson är en person som …",
    ),
    "Membership.kallor": FieldDoc(
        "Id:n för citerade verk (filnamn i content/kallor/).", ["socialstyrelsen-2008"]
    ),
    "Membership.alder": FieldDoc(
        "Åldern som insatsen är till för i området, där förklaringen "
        "eller namnet anger den; utelämnas annars – gissa aldrig en "
        "ålder.",
        {"fran": 14, "till": 17, "kalla_text": "ungdomar i åldern 14–17 år"},
    ),
    "Membership.statistik": FieldDoc(
        "Resultattabellens rad för insatsen i området; utelämnas om tabellen saknar rad."
    ),
    "Statistics.ges": FieldDoc(
        'Kommuner där insatsen ges; null där källan skriver "-" (ej tillfrågat), aldrig 0.',
        {"antal": 169, "andel": 70},
    ),
    "Statistics.digitalt": FieldDoc(
        "Kommuner där insatsen ges i digital form; null om ej tillfrågat.",
        {"antal": 12, "andel": 5},
    ),
    "Statistics.enskild_regi": FieldDoc(
        "Kommuner där insatsen ges i enskild regi; null om ej tillfrågat.", None
    ),
    "Statistics.utan_beslut": FieldDoc(
        "Kommuner där insatsen ges utan biståndsbeslut; null om ej tillfrågat.",
        {"antal": 3, "andel": 1},
    ),
    "Statistics.namn_i_tabell": FieldDoc(
        "Radens namn exakt som resultattabellen skriver det (utan fotnotssiffror).", "Kontaktperson"
    ),
    "Figure.antal": FieldDoc(
        "Antal kommuner, exakt som tryckt (0–245: fler kommuner svarade inte på kartläggningen).",
        169,
        {"minimum": 0, "maximum": MAX_KOMMUNER},
    ),
    "Figure.andel": FieldDoc(
        "Andel av de svarande kommunerna i hela procent (0–100), utan %-tecken.", 70, _PCT
    ),
    # content/omraden/<id>.yml
    "Omrade.id": FieldDoc("Områdets id, samma som filnamnet.", "barn-och-unga", _ID),
    "Omrade.nummer": FieldDoc("Områdets avsnittsnummer i kartläggningen (2–7).", 3, {"minimum": 1}),
    "Omrade.namn": FieldDoc("Områdets namn.", "Barn och unga"),
    "Omrade.notering": FieldDoc("Noteringen som området inleds med i källan.", None),
    "Omrade.kategorier": FieldDoc("Områdets numrerade kategorier i källans ordning."),
    "Omrade.inledning": FieldDoc(
        "Inledning för invånare med egna ord: vilken hjälp området omfattar och för vem.",
        "Här finns stöd till …",
    ),
    "Omrade.malgrupp": FieldDoc(
        "Vem området är till för, med vanliga ord; visas på "
        'insatssidorna under "Vem är insatsen för?".',
        "äldre personer",
    ),
    "Omrade.se_ocksa": FieldDoc(
        "Närliggande hjälp som finns i andra områden (läsarens version "
        "av kartläggningens notering)."
    ),
    "SeeAlso.text": FieldDoc("Vilken hjälp som finns där, med vanliga ord.", "Stöd i föräldraskap"),
    "SeeAlso.omrade": FieldDoc("Områdets id (filnamn i content/omraden/).", "barn-och-unga"),
    "Category.id": FieldDoc("Kategorins nummer, som text (inom citattecken).", "3.2"),
    "Category.namn": FieldDoc("Kategorins namn.", "Öppenvårdsinsatser"),
    "Category.rubriker": FieldDoc(
        "Kategorins onumrerade underrubriker i källans ordning.", ["Familjebehandling"]
    ),
    # content/kallor/<id>.yml
    "Work.id": FieldDoc("Verkets id, samma som filnamnet.", "socialstyrelsen-2008", _ID),
    "Work.text": FieldDoc(
        "Hänvisningen exakt som källan skriver den (ett verk).",
        "Socialstyrelsen (2008). Kontaktperson och kontaktfamilj.",
    ),
    "Work.utgivare": FieldDoc("Utgivare eller författare.", "Socialstyrelsen"),
    "Work.ar": FieldDoc("År eller datum som tryckt, som text.", "2008"),
    "Work.titel": FieldDoc("Verkets titel.", "Kontaktperson och kontaktfamilj"),
    "Work.url": FieldDoc(
        "Webbadress där källan anger en; bara http:// eller https://, högst "
        "2 000 tecken, utan användarnamn och IP-adress.",
        "https://www.socialstyrelsen.se/",
        {"pattern": URL_PATTERN, "maxLength": MAX_URL},
    ),
    "Work.webbplats": FieldDoc("Webbplatsens namn som tryckt, utan länk.", "nacka.se"),
    "Work.hamtad": FieldDoc("När källan hämtades, som tryckt.", "maj 2021"),
    "Work.fil": FieldDoc(
        "Projektets eget källdokument i sources/.", "sources/alingsas-riktlinjer-iub.txt"
    ),
    # content/iub/<id>.yml, content/skolgang/<id>.yml
    "LocalList.id": FieldDoc("Listans id, samma som filnamnet.", "alingsas", _ID),
    "LocalList.kommun": FieldDoc("Kommunens namn.", "Alingsås"),
    "LocalList.titel": FieldDoc(
        "Dokumentets titel.", "Riktlinjer för insatser utan individuell behovsprövning"
    ),
    "LocalList.dokument": FieldDoc(
        "Id för källdokumentet i content/kallor/.", "alingsas-riktlinjer-iub"
    ),
    "LocalList.inledning": FieldDoc("Inledande text, som vanlig text.", None),
    "LocalList.grupper": FieldDoc("Listans grupper i dokumentets ordning."),
    "LocalList.noter": FieldDoc("Inledningens fotnoter ordagrant.", []),
    "LocalList.alder": FieldDoc(
        "Åldern som hela listan gäller, där inledningen anger den; en insats egen ålder går före.",
        {"fran": 6, "kalla_text": "barn från sexårs ålder till och med gymnasiet"},
    ),
    "LocalList.kallor": FieldDoc(
        "Id:n för verk som inledningens fotnoter citerar (content/kallor/).", []
    ),
    "LocalGroup.id": FieldDoc("Gruppens id, unikt inom listan.", "radgivning", _ID),
    "LocalGroup.namn": FieldDoc("Gruppens rubrik.", "3.1 Rådgivning"),
    "LocalGroup.beskrivning": FieldDoc("Gruppens beskrivning, som vanlig text.", None),
    "LocalGroup.insatser": FieldDoc("Gruppens insatser i dokumentets ordning."),
    "LocalInsats.id": FieldDoc("Insatsens id, unikt inom listan.", "familjeradgivning", _ID),
    "LocalInsats.nummer": FieldDoc("Numret som dokumentet ger insatsen.", "3.1.1"),
    "LocalInsats.namn": FieldDoc("Insatsens namn som i dokumentet.", "Familjerådgivning"),
    "LocalInsats.innehall": FieldDoc("Vad insatsen innehåller.", None),
    "LocalInsats.omfattning": FieldDoc("Insatsens omfattning.", "Upp till fem samtal"),
    "LocalInsats.metod": FieldDoc("Namngivna metoder inom insatsen."),
    "LocalInsats.malgrupp": FieldDoc("Vem insatsen riktar sig till.", None),
    "LocalInsats.villkor": FieldDoc("Villkor för insatsen, ett per rad i listan.", []),
    "LocalInsats.dokumentation": FieldDoc("Hur insatsen dokumenteras.", None),
    "LocalInsats.uppfoljning": FieldDoc("Hur insatsen följs upp.", None),
    "LocalInsats.nationell": FieldDoc(
        "Id:n för de nationella insatser (content/insatser/) som "
        "motsvarar denna; tom om ingen gör det.",
        ["kontaktperson"],
    ),
    "LocalInsats.kallor": FieldDoc("Id:n för citerade verk (content/kallor/).", []),
    "LocalInsats.noter": FieldDoc("Fotnoter ordagrant.", []),
    "LocalInsats.alder": FieldDoc(
        "Åldern som insatsen är till för, där dess egen text anger "
        "den (målgrupp, villkor, innehåll); utelämnas annars.",
        {"fran": 18, "kalla_text": "Vuxna från 18 år"},
    ),
    "Method.namn": FieldDoc("Metodens namn.", "Föräldrastödsprogram"),
    "Method.beskrivning": FieldDoc("Metodens beskrivning.", None),
    "Method.malgrupp": FieldDoc("Metodens målgrupp.", None),
    "Method.omfattning": FieldDoc("Metodens omfattning.", None),
    "Method.nationell": FieldDoc(
        "Id:n för de nationella insatser som metoden motsvarar "
        "(när den lokala insatsen som helhet är något bredare).",
        ["trappanmodellen"],
    ),
    # content/iub/om-iub.yml
    # content/sokord.yml
    "EverydayWords.sokord": FieldDoc(
        "Ord och fraser som folk söker med, vart och ett med de sidor det ska hitta."
    ),
    "EverydayWord.ord": FieldDoc(
        "Ordet eller frasen som den som söker skriver den, med små "
        'bokstäver. Visas som "Kallas också" på insatsens och livssituationens sida.',
        "äldreboende",
    ),
    "EverydayWord.motivering": FieldDoc(
        "Varför ordet betyder sidorna: vad insatsens egen förklaring, eller "
        "livssituationens text, säger som stöder det. Granska mot förklaringen i "
        "content/insatser/ eller texten i content/livssituationer/ – gissa aldrig.",
        "Särskilt boende för äldre: förklaringen talar om vård- och omsorgsboende för äldre.",
    ),
    "EverydayWord.insatser": FieldDoc(
        "Id:n för de nationella insatser ordet betyder (filnamn i content/insatser/).",
        ["sarskilt-boende-vard-och-omsorgsboende"],
    ),
    "EverydayWord.omraden": FieldDoc(
        "Id:n för områden ordet betyder, när ingen enskild insats "
        "passar (filnamn i content/omraden/).",
        ["missbruk-och-beroende"],
    ),
    "EverydayWord.listor": FieldDoc(
        "En kommuns lista ordet betyder, som mapp/id: "
        "content/iub/<id>.yml eller content/skolgang/<id>.yml.",
        ["skolgang/stockholm"],
    ),
    "EverydayWord.livssituationer": FieldDoc(
        "Id:n för livssituationer ordet betyder, när ordet beskriver en situation snarare "
        "än en enskild insats (filnamn i content/livssituationer/). Granska mot "
        "livssituationens egen text.",
        ["pengar-eller-boende"],
    ),
    "IubExplainer.inledning": FieldDoc(
        "Inledningen, med projektets egna ord.", "En insats utan individuell behovsprövning …"
    ),
    "IubExplainer.avsnitt": FieldDoc("Förklarande avsnitt i ordning."),
    "IubExplainer.undantagna": FieldDoc(
        "Insatser som enligt lagen aldrig får ges utan individuell behovsprövning."
    ),
    "IubExplainer.undantagna_kalla": FieldDoc("Lagrum och dokument för undantagslistan."),
    "IubExplainer.om_avslag": FieldDoc(
        "Vad du kan göra om en ansökan avslås, med egna ord och "
        "med källa; visas på varje insatssida."
    ),
    "Statement.text": FieldDoc("Texten med egna ord, som vanlig text.", "Om du får avslag …"),
    "Statement.kallor": FieldDoc(
        "Id:n för verk som anger det som texten säger (content/kallor/); minst ett.", ["malmo-stad"]
    ),
    "ExplainerSection.rubrik": FieldDoc("Avsnittets rubrik.", "Barn under 15 år"),
    "ExplainerSection.text": FieldDoc("Avsnittets text, som vanlig text.", "…"),
    "ExplainerSection.hanvisningar": FieldDoc("Lagrum som avsnittet bygger på."),
    "LegalRef.lagrum": FieldDoc("Kapitel och paragraf.", "11 kap. 5 §"),
    "LegalRef.dokument": FieldDoc(
        "Id för dokumentet som anger lagrummet (content/kallor/).", "alingsas-riktlinjer-iub"
    ),
    "LegalRef.sfs": FieldDoc("SFS-nummer, bara där en källa anger det.", None),
    "Exclusion.text": FieldDoc("Insatsen som källan formulerar den.", "Placering i familjehem"),
    "Exclusion.nationell": FieldDoc(
        "Id:n för de nationella insatser som omfattas.", ["familjehem"]
    ),
    # content/livssituationer/<id>.yml
    "Situation.id": FieldDoc(
        "Livssituationens id, samma som filnamnet.", "aldre-behover-hjalp-hemma", _ID
    ),
    "Situation.namn": FieldDoc(
        "Rubriken, som en invånare skulle säga det, på enkel svenska.",
        "En äldre anhörig behöver hjälp hemma",
    ),
    "Situation.kort": FieldDoc(
        "En rad om vad man kan få hjälp med; visas på startsidans kort.",
        "Hjälp i vardagen, trygghet i hemmet och mat.",
    ),
    "Situation.ikon": FieldDoc(
        "En av Material for MkDocs inbyggda ikoner (ingen ikon hämtas från andra webbplatser).",
        "material/home-heart",
        {
            "pattern": r"^(material|fontawesome/(brands|regular|solid)|"
            r"octicons|simple)/[a-z0-9-]+$"
        },
    ),
    "Situation.ordning": FieldDoc("Platsen på startsidan (1 först).", 1, {"minimum": 1}),
    "Situation.inledning": FieldDoc(
        "Det här kan du få hjälp med – med egna ord, på enkel svenska. "
        "Stycken skiljs med en tom rad.",
        "När en äldre anhörig …",
    ),
    "Situation.grupper": FieldDoc(
        "Insatserna som passar, under enkla rubriker, i den ordning en invånare behöver dem."
    ),
    "Situation.vart_vanda": FieldDoc(
        "Vart man vänder sig, med egna ord.", "Kontakta socialtjänsten i din kommun …"
    ),
    "Situation.omraden": FieldDoc(
        "Id:n för områdena (content/omraden/) som sidan länkar till.", ["aldre"]
    ),
    "Situation.utan_ansokan": FieldDoc(
        "Insatser ur kommunernas IUB-listor (content/iub/) som kan fås utan att ansöka."
    ),
    "Situation.skolgang": FieldDoc("Insatser ur skolgångslistan (content/skolgang/) som passar."),
    "Situation.kontakter": FieldDoc(
        "Id:n för akuta kontakter (content/kontakter.yml) som visas överst på sidan.",
        ["nodnummer-112"],
    ),
    "SituationGroup.rubrik": FieldDoc(
        "Gruppens rubrik, på enkel svenska.", "Hjälp hemma i vardagen"
    ),
    "SituationGroup.insatser": FieldDoc("Gruppens insatser i läsordning."),
    "SituationInsats.insats": FieldDoc("Insatsens id (filnamn i content/insatser/).", "hemtjanst"),
    "SituationInsats.text": FieldDoc(
        "Vad insatsen är, i en rad med egna ord; skriv bara det som insatsens förklaring säger.",
        "Service och personlig omvårdnad i hemmet.",
    ),
    "ListItemRef.lista": FieldDoc(
        "Listans id (filnamn i content/iub/ eller content/skolgang/).", "stockholm"
    ),
    "ListItemRef.insats": FieldDoc("Insatsens id i listan.", "budget-och-skuldradgivning"),
    # content/kontakter.yml
    "ContactBook.rubrik": FieldDoc("Rubriken över de akuta kontakterna.", "Behöver du hjälp nu?"),
    "ContactBook.lamna_sidan": FieldDoc(
        "Adressen som länken Lämna sidan snabbt öppnar: en neutral "
        "webbplats; bara https:// eller http://.",
        "https://www.smhi.se/",
        {"pattern": URL_PATTERN},
    ),
    "ContactBook.kontakter": FieldDoc(
        "De akuta kontakterna. Varje nummer måste stå på en "
        "källa med adress – skriv aldrig ett nummer ur minnet."
    ),
    "ContactBook.startsida": FieldDoc(
        "Id:n för kontakterna på startsidan, i ordning.", ["nodnummer-112"]
    ),
    "ContactBook.omraden": FieldDoc(
        "Områden vars sida och insatssidor visar kontakter och länken Lämna sidan snabbt."
    ),
    "ContactPlace.omrade": FieldDoc("Områdets id (content/omraden/).", "vald-i-nara-relationer"),
    "ContactPlace.kontakter": FieldDoc(
        "Id:n för kontakterna som visas där, i ordning.", ["nodnummer-112", "kvinnofridslinjen"]
    ),
    "Contact.id": FieldDoc(
        "Kontaktens id (små bokstäver, siffror och bindestreck).", "kvinnofridslinjen", _ID
    ),
    "Contact.namn": FieldDoc("Namnet som visas.", "Kvinnofridslinjen"),
    "Contact.text": FieldDoc(
        "Vem som kan ringa och när, med egna ord – bara det källan säger.",
        "För dig som utsatts för hot eller våld. Öppen dygnet runt.",
    ),
    "Contact.kallor": FieldDoc(
        "Id:n för källorna (content/kallor/, med url): organisationens egen sida.",
        ["nck-kvinnofridslinjen"],
    ),
    "Contact.kort": FieldDoc(
        "Texten med några få ord, för den korta rutan på insatssidorna; bara det källan säger.",
        "Stödtelefon, öppen dygnet runt.",
    ),
    "Contact.nummer": FieldDoc(
        "Telefonnumret exakt som källan skriver det; utelämnas om kontakten saknar eget nummer.",
        "020-50 50 50",
        {"pattern": r"^[0-9][0-9 -]*[0-9]$"},
    ),
}

RECORD_DOCS: dict[str, str] = {
    "Insats": "En nationell insats: content/insatser/<id>.yml.",
    "Omrade": "Ett verksamhetsområde: content/omraden/<id>.yml.",
    "Work": "Ett citerat verk: content/kallor/<id>.yml.",
    "LocalList": "En kommuns lista: content/iub/<id>.yml eller content/skolgang/<id>.yml.",
    "IubExplainer": "Förklaringen av insatser utan individuell behovsprövning: "
    "content/iub/om-iub.yml.",
    "Membership": "En plats i kartläggningen: område, kategori och statistik.",
    "Statistics": "Resultattabellens fyra mått för insatsen i området.",
    "Figure": "En siffra som tryckt: antal kommuner och andel i procent.",
    "Category": "En numrerad kategori i området.",
    "SeeAlso": "Närliggande hjälp i ett annat område.",
    "LocalGroup": "En grupp i listan.",
    "LocalInsats": "En insats i kommunens lista.",
    "Alder": "Åldern som insatsen är till för, med frasen i källan som anger den.",
    "Method": "En namngiven metod inom insatsen.",
    "ExplainerSection": "Ett avsnitt i förklaringen.",
    "Statement": "Ett påstående med egna ord och dess källor.",
    "LegalRef": "Ett lagrum och dokumentet som anger det.",
    "Exclusion": "En insats som aldrig får ges utan individuell behovsprövning.",
    "EverydayWords": 'Vardagsord för sökningen och raden "Kallas också" på insatsernas och '
    "livssituationernas sidor: content/sokord.yml.",
    "EverydayWord": "Ett ord eller en fras och de sidor det betyder.",
    "Situation": "En livssituation: content/livssituationer/<id>.yml.",
    "SituationGroup": "En rubrik med insatser som passar.",
    "SituationInsats": "En insats som passar, med en rad om vad den är.",
    "ListItemRef": "En insats i en kommuns lista.",
    "ContactBook": "De akuta kontakterna: content/kontakter.yml.",
    "ContactPlace": "Ett område vars sidor visar akuta kontakter.",
    "Contact": "En akut kontakt med källa.",
}
