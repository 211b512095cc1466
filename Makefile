# communique: `make demo` (install and analyse the bundled examples) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= communique.db
EXAMPLES := src/communique/data/examples/examples.jsonl

.PHONY: demo test lint install install-dev docs clean
.PRECIOUS: $(VENV)/.installed-%

# A virtual environment with an up-to-date pip (a fresh venv's pip is too old for trafilatura).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

# One stamp per set of extras, named for what was installed: `.installed-web` means
# `pip install -e '.[web]'` finished. A stamp is written only after its install succeeded and is
# redone when pyproject.toml changes, so a failed or partial install never counts as done, and
# `make demo` after `make test` (or the reverse) installs what it itself needs.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[$*]'
	$(BIN)/python -c "import communique.cli"  # the install is importable, or no stamp
	touch $@

install: $(VENV)/.installed-web
install-dev: $(VENV)/.installed-dev

## demo: install, analyse the bundled example articles into $(DB), print quotes and events
demo: $(VENV)/.installed-web
	$(BIN)/communique ingest $(EXAMPLES) --db $(DB)
	$(BIN)/communique quotes --db $(DB)
	$(BIN)/communique events --db $(DB)
	@echo
	@echo "Web UI: $(BIN)/communique serve --db $(DB)  ->  http://127.0.0.1:8000/"

## test: install with the dev extras (no torch: the tests that train skip without it) and run
## the whole test suite
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

## lint: ruff (pyflakes, imports, unused arguments, pycodestyle) and mypy over src/
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src

## docs: regenerate docs/cli.md from the commands' --help and the examples in README.md and docs/
docs: $(VENV)/.installed-web
	$(BIN)/python scripts/gen_cli_docs.py
	$(BIN)/python scripts/gen_doc_examples.py

clean:
	rm -f $(DB) $(DB)-wal $(DB)-shm
