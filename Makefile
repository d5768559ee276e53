# Two commands for people: `make serve` and `make test`. Each creates .venv when it is
# missing and reinstalls only when pyproject.toml changes (the stamp file).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8866
LANG_  ?= en

NODE_STAMP := node_modules/.installed-stamp
# JupyterHub's proxy for the hub smoke test (deploy/jupyterhub, tests/test_jupyterhub.py).
HUB_STAMP  := deploy/jupyterhub/node_modules/.installed-stamp

.PHONY: install serve lab test lint typecheck validate unit front front-test wheel-check i18n notebooks geometry vendor labextension bench mutation export clean

install: $(STAMP)

# The Voilà template and JupyterLab's settings are installed as shared data (copies):
# reinstall when they change.
$(STAMP): pyproject.toml $(wildcard src/explainer/share/jupyter/voila/templates/explainer/*) \
		$(wildcard src/explainer/share/jupyter/lab/settings/overrides.d/*)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,hub]'
	@touch $@

serve: install
	$(BIN)/explainer serve --port $(PORT) --lang $(LANG_)

lab: install
	$(BIN)/jupyter lab --allow-root notebooks/

export: install
	$(BIN)/explainer export --out site

lint: install
	$(BIN)/ruff check conftest.py src tests story_tests scripts benchmarks notebooks
	$(BIN)/ruff format --check conftest.py src tests story_tests scripts benchmarks notebooks

typecheck: install
	$(BIN)/mypy

validate: install
	$(BIN)/explainer validate

$(HUB_STAMP): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	npm ci --prefix deploy/jupyterhub --no-audit --no-fund --loglevel=error
	@touch $@

unit: install $(HUB_STAMP)
	$(BIN)/pytest
	$(BIN)/pytest --nbval notebooks/ examples/*/notebooks/
	$(BIN)/pytest --doctest-modules src/explainer

# The front end: ES modules in src/explainer/front, bundled (esbuild) into the committed
# src/explainer/static/explainer.js. `make front` rebuilds it after a change;
# `make front-test` runs its unit tests (node's test runner) and fails if the committed
# bundle is not what the modules build to.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

front: $(NODE_STAMP)
	npm run --silent build

front-test: $(NODE_STAMP)
	node --test src/explainer/front/test/
	@npx --no-install esbuild src/explainer/front/index.js --bundle --format=esm --target=es2020 --legal-comments=none --log-level=warning --outfile=.front-check.js
	@cmp -s .front-check.js src/explainer/static/explainer.js || (rm -f .front-check.js; echo "src/explainer/static/explainer.js is not what src/explainer/front builds to: run make front"; exit 1)
	@rm -f .front-check.js

# The built wheel, installed into a fresh environment, run from another folder.
wheel-check: install
	$(BIN)/python scripts/check_wheel.py . examples/*/

test: lint typecheck validate front-test unit wheel-check

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

# JupyterLab's renderer for the views (labextension/), built into the committed
# src/explainer/labextension with JupyterLab's own builder; needs only a rebuild when
# labextension/src changes (the front end it loads is served, not built in).
labextension: install
	cd labextension && npm ci --no-audit --no-fund --loglevel=error
	cd labextension && node node_modules/@jupyterlab/builder/lib/build-labextension.js --core-path ../$(VENV)/lib/python3*/site-packages/jupyterlab/staging .

bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/views.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/limits.py

# Mutation testing of the engine's core modules ([tool.mutmut] in pyproject.toml): mutmut
# runs in a fresh staged copy of the project (scripts/mutation_stage.py) and
# benchmarks/mutation_report.py writes the score and the surviving mutants into
# benchmarks/RESULTS.md. About 80 minutes on 2 cores. To look at a mutant afterwards:
# cd build/mutation && ../../.venv/bin/mutmut show NAME (or: mutmut browse).
MUTATION_STAGE := build/mutation
MUTMUT_CHILDREN ?= 2

mutation: install
	@$(BIN)/python -c 'import mutmut' 2>/dev/null || $(BIN)/pip install -q -e '.[test,hub]'
	$(BIN)/python scripts/mutation_stage.py $(MUTATION_STAGE)
	cd $(MUTATION_STAGE) && $(abspath $(BIN))/mutmut run --max-children $(MUTMUT_CHILDREN)
	@date +%s > $(MUTATION_STAGE)/mutation-finished.txt
	$(BIN)/python benchmarks/mutation_report.py $(MUTATION_STAGE)

clean:
	rm -rf $(VENV) node_modules labextension/node_modules deploy/jupyterhub/node_modules .pytest_cache .mypy_cache .ruff_cache artifacts site build/mutation mutants
