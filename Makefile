# communique: `make demo` (install and analyse the bundled examples) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= communique.db
EXAMPLES := src/communique/data/examples/examples.jsonl

.PHONY: demo test install install-dev docs clean

# A virtual environment with an up-to-date pip.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

# Installs are redone when pyproject.toml changes (the stamp files are older then).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[web]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: install, analyse the bundled example articles into $(DB), print quotes and events
demo: $(VENV)/.installed
	$(BIN)/communique ingest $(EXAMPLES) --db $(DB)
	$(BIN)/communique quotes --db $(DB)
	$(BIN)/communique events --db $(DB)
	@echo
	@echo "Web UI: $(BIN)/communique serve --db $(DB)  ->  http://127.0.0.1:8000/"

## test: install with the dev extras and run the whole test suite
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

## docs: regenerate docs/cli.md from the commands' --help
docs: $(VENV)/.installed
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -f $(DB) $(DB)-wal $(DB)-shm
