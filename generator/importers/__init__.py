"""Documents → records → draft YAML. Read in this order:

- `run` – the import, start to end (`import_documents`, `stage`, `run_import`)
- `documents` – `read_document`, the one .txt/.pdf dispatch; `ImportProblem`
- `lines` – `Line` and `join()`: one line model and joiner for every document
- one module per document kind, each with `parse_text` and `read`:
  `survey_explanations` (seed 000), `survey_tables` (seed 001), `open_insatser` (003),
  `iub_guidelines` (004), `skolgang` (002)
- `pdf/` – the PDF path: `layout` (the only pdfminer user), `table`, `survey`, `text`
- `records` – what the survey parsers return; `survey_merge` joins the two appendices
  into insatser with the curation in `mappings/`; `local_lists` applies the reviewed
  national mapping to the local lists; `citations` parses printed citations
- `report` – the difference against content/ and the import report
"""

# The documents the import reads, by kind (paths under ../shared/seeds/), here rather than
# in `run` so that the CLI can name them without importing the importers (a build never
# runs them).
DOCUMENTS: dict[str, str] = {
    "forklaringar": "sources/kartlaggning-forklaringar.txt",
    "tabeller": "sources/kartlaggning-resultattabeller.txt",
    "oppna-insatser": "sources/stockholm-oppna-insatser-iub.txt",
    "iub-riktlinjer": "sources/alingsas-riktlinjer-iub.txt",
    "skolgang": "sources/stockholm-skolgang.txt",
}
