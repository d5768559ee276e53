# Two commands for people: `make serve` and `make test`. Each creates .venv when it is
# missing and reinstalls only when pyproject.toml changes (the stamp file).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8866
LANG_  ?= en

.PHONY: install serve lab test lint typecheck validate unit wheel-check i18n notebooks geometry vendor bench export clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

serve: install
	$(BIN)/explainer serve --port $(PORT) --lang $(LANG_)

lab: install
	$(BIN)/jupyter lab --allow-root notebooks/

export: install
	$(BIN)/explainer export --out site

lint: install
	$(BIN)/ruff check src tests story_tests scripts benchmarks notebooks
	$(BIN)/ruff format --check src tests story_tests scripts benchmarks notebooks

typecheck: install
	$(BIN)/mypy

validate: install
	$(BIN)/explainer validate

unit: install
	$(BIN)/pytest
	$(BIN)/pytest --nbval notebooks/ examples/*/notebooks/
	$(BIN)/pytest --doctest-modules src/explainer

# The built wheel, installed into a fresh environment, run from another folder.
wheel-check: install
	$(BIN)/python scripts/check_wheel.py . examples/*/

test: lint typecheck validate unit wheel-check

# Maintainer targets: rebuild derived files (results are committed).
i18n: install
	$(BIN)/pybabel extract -F babel.cfg -o src/explainer/locale/explainer.pot --project explainer --no-location src/explainer
	$(BIN)/pybabel update -i src/explainer/locale/explainer.pot -d src/explainer/locale -D explainer --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d src/explainer/locale -D explainer

notebooks: install
	$(BIN)/python scripts/run_notebooks.py

geometry: install
	$(BIN)/python scripts/build_geometry.py

vendor: install
	$(BIN)/python scripts/vendor_plotly.py

bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/views.py
	$(BIN)/python benchmarks/load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts site
