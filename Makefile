# DealerDesk — `make run` to try it, `make test` to check it. Both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DB ?=
DB_ARG := $(if $(DB),--db $(DB),)

.PHONY: run test lint typecheck pytest assets translations bench screenshots clean system-run system-test

run: system-run assets
	$(PY) -m desktop_app $(DB_ARG) demo-data --if-new --customers 2000
	$(PY) -m desktop_app $(DB_ARG)

test: system-test assets lint typecheck pytest

system-run:
	@installer/system-packages.sh run

system-test:
	@installer/system-packages.sh test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

assets: $(STAMP)
	$(PY) -m desktop_app.build_assets

# Developer step: collect new source texts into resources/translations/*.ts
translations: $(STAMP)
	$(PY) -m desktop_app.build_assets --update-translations

lint: $(STAMP)
	$(PY) -m ruff check desktop_app tests bench
	$(PY) -m ruff format --check desktop_app tests bench

typecheck: $(STAMP)
	$(PY) -m mypy desktop_app

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: assets
	$(PY) bench/run_all.py

screenshots: assets
	$(PY) -m desktop_app demo-data --db out/demo.sqlite --if-new --customers 2000
	for view in customers appointments reception deliveries quotes quote-builder contract care kpi sync; do \
	  for lang in zh_CN en; do \
	    $(PY) -m desktop_app screenshot --db out/demo.sqlite --view $$view --lang $$lang \
	      --size 1600x900 --out out/$$view-$$lang.png || exit 1; \
	  done; \
	done

clean:
	rm -rf $(VENV) build dist out .mypy_cache .ruff_cache .pytest_cache
