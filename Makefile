# Two commands for a newcomer: `make demo` and `make test`. Everything else is set up from here.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test venv lint baseline peers fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[model,dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/claimledger analyze examples/sample-article.txt --published 2016-04-27
	$(BIN)/claimledger analyze examples/sample-article.txt --published 2016-04-27 --format json > examples/sample-article.analysis.json
	@echo "JSON written to examples/sample-article.analysis.json"
	@echo "Next: .venv/bin/claimledger serve   (then open http://127.0.0.1:8000/ and paste an article)"

test: $(STAMP)
	@# the ledger tests start their own PostgreSQL server; a fresh CI machine (root) gets the binaries here
	@if [ "$$(id -u)" = 0 ] && ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; fi
	@# the browser tests drive Debian's Chromium (Playwright never downloads a browser)
	@if [ "$$(id -u)" = 0 ] && ! command -v chromium >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; fi
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

# Many more generated cases than make test runs (about 10,000 there).
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-20} $(BIN)/python -m pytest -q tests/test_fuzz.py

# Raise the accuracy gate after an improvement (tests/accuracy_baseline.json).
baseline: $(STAMP)
	$(BIN)/python tests/write_baseline.py

# Pass rates on the peer suites (needs ../shared/peers).
peers: $(STAMP)
	$(BIN)/python benchmarks/peers.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
