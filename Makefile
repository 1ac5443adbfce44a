# The two commands a newcomer needs: `make site` and `make test`. Both set themselves up.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Exact versions with hashes of everything installed (the test extra and the setuptools
# that builds the project too), for every platform and Python >= 3.11: `make lock`.
LOCK := requirements.txt
LOCK_VENV := .cache/lock
UV_VERSION := 0.13.9

# Edit links point at the repository this clone came from (a fork gets its own) unless
# REPO_URL is set; an ssh or local origin gives none. CI sets REPO_URL and SITE_URL.
ORIGIN := $(shell git config --get remote.origin.url 2>/dev/null)
REPO_URL ?= $(filter https://%,$(patsubst %.git,%,$(ORIGIN)))
export REPO_URL

.PHONY: site serve test check goldens bench validate lock clean

# Only the locked versions, checked against their hashes; then the project itself, built
# with the locked setuptools. pip check fails when pyproject.toml names a dependency the
# lock lacks (run `make lock`).
$(STAMP): $(LOCK) pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check \
	  || { echo "$(LOCK) passar inte pyproject.toml – kör: make lock" >&2; exit 1; }
	touch $(STAMP)

## Re-resolve requirements.txt after a change to the dependencies in pyproject.toml;
## versions already locked stay while they still fit. `make lock ARGS=--upgrade`: the
## newest allowed versions of everything (then run `make test`).
lock:
	python3 -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(LOCK_VENV)/bin/uv pip compile pyproject.toml --extra test --group build --universal \
	  --python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
	  --quiet --output-file $(LOCK) $(ARGS)

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

## Time and weigh the build next to a bare Material site and Zensical (not part of `make test`).
## `make bench ARGS=--quick` for one repetition at 1× and 3×. Results: bench-results/.
bench: $(STAMP)
	$(PY) bench/run.py $(ARGS)

## Check content/ and list every problem.
validate: $(STAMP)
	$(PY) -m generator validate

clean:
	rm -rf site build .cache
