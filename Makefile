# The two commands a newcomer needs: `make site` and `make test`. Both set themselves up.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site serve test check goldens bench validate clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build the whole handbook into site/ (strict: any warning fails the build).
site: $(STAMP)
	$(PY) -m generator build

## Preview with live reload on http://127.0.0.1:8000. --dirty: a save rebuilds only the
## pages whose generated Markdown changed (the hook keeps the search index whole); MkDocs
## warns on every dirty build, so strict is off here only – `make site` and CI stay strict.
## Theme work (overrides/): plain `.venv/bin/mkdocs serve` rebuilds every page.
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dirty --no-strict

## Run the whole test suite (after the lint and type checks).
test: check
	bash tests/browser/setup.sh
	$(PY) -m pytest

## Lint and format (ruff) and types (mypy), configured in pyproject.toml; versions pinned
## in [test]. `.venv/bin/ruff format generator tests bench` fixes what the format check finds.
check: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench
	$(VENV)/bin/mypy generator

## Rewrite the expected golden pages (tests/golden/expected/) after an intended rendering
## change; review the diff before committing.
goldens: $(STAMP)
	$(PY) -m tests.golden --update

## Time and weigh the build next to a bare Material site (not part of `make test`).
## `make bench ARGS=--quick` for one repetition at 1× and 3×. Results: bench-results/.
bench: $(STAMP)
	$(PY) bench/run.py $(ARGS)

## Check content/ and list every problem.
validate: $(STAMP)
	$(PY) -m generator validate

clean:
	rm -rf site build .cache
