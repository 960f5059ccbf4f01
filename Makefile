# Two commands: `make run` serves Styr with the Nacka demo, `make test` runs every test.
# Both create a virtual environment in .venv on first use (needs only Python 3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint

$(BIN)/styr: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/styr
	$(BIN)/styr up

# One worker per core; --dist loadscope keeps a module's tests together, so a module's
# shared demo (tests/conftest.py, module_demo) is loaded once.
test: $(BIN)/styr
	$(BIN)/pytest -n auto --dist loadscope

lint: $(BIN)/styr
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo  # the layers and pure modules (pyproject.toml)
	# all of styr/, the pure modules strictly (pyproject.toml); django-stubs' plugin imports the settings
	DATABASE_URL=sqlite://:memory: STYR_DEBUG=true $(BIN)/mypy
	DATABASE_URL=sqlite://:memory: STYR_DEBUG=true $(BIN)/styr makemigrations --check --dry-run
