# The two commands of the README: `make run` (install + start the web chat over the sample corpus) and `make test`.
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench eval clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

run: install
	$(BIN)/sourcecheck serve --sample

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/ingest.py --corpus ../shared/eval/scifact/corpus.jsonl
	SOURCECHECK_HOME=bench/out/home $(BIN)/python bench/latency.py

eval: install
	SOURCECHECK_HOME=bench/out/home $(BIN)/python bench/eval_all.py --eval-dir ../shared/eval
	$(BIN)/python bench/calibrate.py --write bench/out/calibration.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
