# Warta: `make demo` and `make test` are all a fresh Debian 12 machine needs.
#   make deps     install what is missing (apt packages, grpcurl, Python clients, Kafka jars)
#   make build    configure and build everything into build/ (binaries in build/bin/)
#   make test     deps + build + unit tests (ctest) + integration and end-to-end tests (pytest,
#                 real Kafka broker, real clients: kcat, grpcurl, Python grpcio/confluent-kafka)
#                 + the fuzz smoke run + make sanitize (every unit and integration test again
#                 with ASan + UBSan binaries) + make tsan-smoke (the threaded cores under TSan)
#   make demo     deps + build + Kafka + the services and the dashboard; publishes ARTICLES
#                 (default: examples/articles), waits for the store, prints the dashboard's
#                 address and a summary, stops everything (KEEP=1: keeps running until Ctrl-C)
#   make models   retrain the committed models from ../shared/data
#   make bench    run the benchmark programs
#   make chaos    the long fault run (kills, broker restarts, PostgreSQL outages), both delivery modes
#   make fuzz     build the libFuzzer targets with clang (build-fuzz/) and run each for
#                 FUZZ_SECONDS (default 600); `make test` runs each for FUZZ_SMOKE_SECONDS
#   make sanitize unit and integration tests with ASan + UBSan binaries (build-asan/)
#   make sanitize-smoke  the parsers' and enrichment cores' unit tests only, with ASan + UBSan
#                 (build-asan-smoke/), a quick check while working; `make test` runs the full one
#   make tsan     unit and integration tests with ThreadSanitizer binaries (build-tsan/)
#   make tsan-smoke  the stores', StoreService's and metrics' threaded unit tests only, with TSan
#                 (build-tsan-smoke/); `make test` runs it (9 min from nothing, see README)
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
ARTICLES ?= examples/articles
KEEP ?=
SHARED_DATA ?= $(abspath ../shared/data)
PYTEST := .tools/venv/bin/python -m pytest
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20

.PHONY: all deps build bins test unit-test integration-test fuzz fuzz-smoke sanitize sanitize-smoke tsan tsan-smoke demo models bench chaos clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Only what the demo runs: the services, the dashboard and the CLI.
bins: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target warta warta-ingest warta-enrich warta-store warta-web

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

integration-test: build
	WARTA_BUILD=$(abspath $(BUILD)) $(PYTEST) -q tests/eval tests/integration tests/e2e

# Skipped with a message when clang is missing (a failure under CI=true).
fuzz-smoke: deps
	JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

fuzz: deps
	JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

sanitize: deps
	JOBS=$(JOBS) scripts/sanitize.sh

sanitize-smoke: deps
	JOBS=$(JOBS) scripts/sanitize.sh --smoke

tsan: deps
	JOBS=$(JOBS) scripts/sanitize.sh --thread

tsan-smoke: deps
	JOBS=$(JOBS) scripts/sanitize.sh --thread-smoke

test: unit-test integration-test fuzz-smoke sanitize tsan-smoke

demo: bins
	scripts/demo.sh $(if $(KEEP),--keep) "$(ARTICLES)"

models: build
	scripts/train-models.sh "$(SHARED_DATA)"

# The long fault run (tests/chaos/chaos.py): 20,000 articles, 20 SIGKILLs of
# enrich and of store, 3 broker restarts, PostgreSQL down twice; both modes.
CHAOS_ARGS ?=
chaos: build
	WARTA_BUILD=$(abspath $(BUILD)) .tools/venv/bin/python tests/chaos/chaos.py --mode eos $(CHAOS_ARGS)
	WARTA_BUILD=$(abspath $(BUILD)) .tools/venv/bin/python tests/chaos/chaos.py --mode at-least-once $(CHAOS_ARGS)

bench: build
	scripts/bench.sh "$(SHARED_DATA)"

clean:
	rm -rf $(BUILD) build-fuzz build-asan build-asan-smoke build-tsan build-tsan-smoke
