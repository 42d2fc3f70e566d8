# make run    builds everything, serves the site on http://127.0.0.1:8080/ and prints the URL
# make test   every test, the real-browser ones included (installs chromium and brotli when missing)
# make dist   the static site in dist/, ready to copy to any web server under any path
# make bench  the engine's benchmarks and the wasm's size against its budget
# make clean  removes what the build wrote

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

GO ?= go
ADDR ?= 127.0.0.1:8080
DIST ?= dist
# The wasm's size budget, brotli -q 11 bytes: it is what a first visit downloads.
WASM_BUDGET_BYTES ?= 1550000

# Runs a js/wasm test binary under Node, so the engine is also tested and timed as the browser runs it.
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

ASSETS := $(wildcard assets/*)

.PHONY: run test dist wasm web tools bench clean

run: dist
	$(GO) run ./app serve --addr $(ADDR) --dir $(DIST)

# web/ is the static web root the site is made from: app.wasm and a copy of assets/ (its Go
# files only embed data into the program: they are not part of the site).
wasm:
	mkdir -p web
	GOARCH=wasm GOOS=js $(GO) build -trimpath -ldflags="-s -w" -o web/app.wasm ./app

web: wasm
	cd assets && find . -type f ! -name '*.go' -exec cp --parents {} ../web/ \;

# The version names the service worker's cache, so every different build gets its own: the
# commit plus a hash of everything the site is made from.
dist: web
	version="$$(git describe --always --dirty 2>/dev/null || echo nogit)-$$(find web -type f ! -name '*.br' ! -name '*.gz' -print0 | LC_ALL=C sort -z | xargs -0 cat | sha256sum | cut -c1-12)"; \
	$(GO) run ./app dist --out $(DIST) --web web --version "$$version"

tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v brotli >/dev/null 2>&1 || missing="$$missing brotli"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

test: tools
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -w needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOARCH=wasm GOOS=js $(GO) vet ./...
	$(GO) test -race ./...
	GOARCH=wasm GOOS=js $(GO) test -exec="$(WASM_EXEC)" ./calc
	$(MAKE) --no-print-directory dist
	RESTAKE_DIST="$(CURDIR)/$(DIST)" $(GO) test -count=1 ./app

bench: tools dist
	$(GO) test -run '^$$' -bench . -benchmem ./calc
	GOARCH=wasm GOOS=js $(GO) test -run '^$$' -bench . -benchmem -exec="$(WASM_EXEC)" ./calc
	RESTAKE_DIST="$(CURDIR)/$(DIST)" RESTAKE_BENCH=1 $(GO) test -count=1 -run TestBrowserPageSpeed -v ./app
	@raw=$$(stat -c %s web/app.wasm); \
	br=$$(brotli -q 11 -c web/app.wasm | wc -c); \
	gz=$$(gzip -9 -c web/app.wasm | wc -c); \
	echo "app.wasm: $$raw bytes raw, $$gz gzip -9, $$br brotli -q 11 (budget $(WASM_BUDGET_BYTES))"; \
	if [ $$br -gt $(WASM_BUDGET_BYTES) ]; then echo "app.wasm is OVER its budget by $$((br - $(WASM_BUDGET_BYTES))) bytes"; \
	else echo "app.wasm is within its budget by $$(($(WASM_BUDGET_BYTES) - br)) bytes"; fi

clean:
	rm -rf $(DIST) web/app.wasm $(addprefix web/,$(notdir $(ASSETS)))
