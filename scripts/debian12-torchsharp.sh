#!/usr/bin/env bash
# The Debian 12 step: makes TorchSharp 0.107's native library load on a libstdc++ without GLIBCXX_3.4.32.
#
# What it fixes. libLibTorchSharp.so (package torchsharp 0.107.0) was built with GCC 13 and needs the symbol
# version GLIBCXX_3.4.32 for exactly one symbol, std::ios_base_library_init(), GCC 13's iostream start-up hook.
# Debian 12's libstdc++ (GCC 12) stops at GLIBCXX_3.4.30, so loading TorchSharp fails with "version
# `GLIBCXX_3.4.32' not found". GCC 12's libstdc++ initialises its streams by itself, so the hook can be empty.
#
# What it changes, all inside the NuGet global packages folder (`dotnet nuget locals global-packages --list`):
#   torchsharp/0.107.0/debian12/libLibTorchSharp.so.original   the package's library, kept to undo the step
#   torchsharp/0.107.0/debian12/libstdcxx-ios-init.so          an empty std::ios_base_library_init()
#   torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so
#       the package's library with that one version need marked weak and a dependency on the library above
#       (by absolute path, so every copy of it that a build or a notebook makes loads too)
#   torchsharp/0.107.0/lib/net8.0/cpu/                          removed: TorchSharp's copy of the natives
#       for notebooks, made again from the fixed library on the next load
# Where Debian's libtorch-dev is installed, its unversioned libtorch_cpu.so (libtorch 1.13) on the default
# search path is what TorchSharp's loader finds first inside a notebook kernel, and the load then fails with
# "undefined symbol: _ZNK3c105Error4whatEv". Then the step also links the package's own native libraries
# next to TorchSharp.dll (torchsharp/0.107.0/lib/net8.0/*.so), which the loader tries before the system's.
#
# Where it does nothing: a libstdc++ that has GLIBCXX_3.4.32 (Ubuntu 24.04, Debian 13, Fedora 39+), and any
# system without libtorch-dev for the second part. It is idempotent. When it can go: once the machines run a
# libstdc++ of GCC 13 or later, or TorchSharp ships a library built against an older one.
# Undo: scripts/debian12-torchsharp.sh --undo (or delete ~/.nuget/packages/torchsharp/0.107.0 and restore).
#
# Usage: scripts/debian12-torchsharp.sh [--undo | --check]
#   --check  exit 0 when TorchSharp's library will load as it is on this machine, 1 when the step is needed
# LIBSTDCXX overrides the libstdc++ to check (tests use it to fake one that has the version); SYSTEM_LIBTORCH_CPU
# overrides the libtorch_cpu.so found on the system's search path ("" for none).
set -euo pipefail
shopt -s nullglob

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=0.107.0
needed_version=GLIBCXX_3.4.32

fail() { echo "debian12-torchsharp: $*" >&2; exit 1; }

packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
packages=${packages%/}
package="$packages/torchsharp/$version"
native="$package/runtimes/linux-x64/native"
library="$native/libLibTorchSharp.so"
keep="$package/debian12"
original="$keep/libLibTorchSharp.so.original"
hook="$keep/libstdcxx-ios-init.so"
managed="$package/lib/net8.0"
libtorch_native="$packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native"

system_libstdcxx() {
    if [[ -n "${LIBSTDCXX:-}" ]]; then echo "$LIBSTDCXX"; return; fi
    /sbin/ldconfig -p | sed -nE 's/^\s*libstdc\+\+\.so\.6 \(libc6,x86-64\) => (.*)$/\1/p' | head -1
}

libstdcxx_has_version() {
    local lib
    lib=$(system_libstdcxx)
    [[ -n "$lib" && -f "$lib" ]] || fail "no 64-bit libstdc++.so.6 found (ldconfig -p)"
    grep -qa "$needed_version" "$lib"
}

system_libtorch() {
    if [[ -v SYSTEM_LIBTORCH_CPU ]]; then [[ -n "$SYSTEM_LIBTORCH_CPU" ]]; return; fi
    /sbin/ldconfig -p | grep -qE '^\s*libtorch_cpu\.so \('
}

undo() {
    if [[ -f "$original" ]]; then
        cp "$original" "$library.tmp" && mv "$library.tmp" "$library"
        rm -rf "$keep" "$managed/cpu"
        echo "debian12-torchsharp: restored the package's libLibTorchSharp.so"
    fi
    find "$managed" -maxdepth 1 -type l -name '*.so*' -delete 2>/dev/null || true
}

fix_libstdcxx() {
    if [[ -f "$original" ]] && python3 "$here/elf-weak-version.py" --check "$library" "$needed_version" 2>/dev/null &&
       readelf -d "$library" | grep -qF "[$hook]"; then
        return 0
    fi
    command -v patchelf >/dev/null || fail "patchelf is missing (apt-get install patchelf)"
    command -v gcc >/dev/null || fail "gcc is missing (apt-get install gcc)"
    mkdir -p "$keep"
    [[ -f "$original" ]] || cp "$library" "$original"
    # The hook is built without a version script, so the loader accepts it for the versioned reference.
    printf 'void _ZSt21ios_base_library_initv(void) {}\n' | gcc -x c -shared -fPIC -O2 -o "$hook.tmp" - && mv "$hook.tmp" "$hook"
    cp "$original" "$library.tmp"
    patchelf --add-needed "$hook" "$library.tmp"
    python3 "$here/elf-weak-version.py" "$library.tmp" "$needed_version"
    mv "$library.tmp" "$library"
    rm -rf "$managed/cpu"
    echo "debian12-torchsharp: fixed $library (weak $needed_version, empty ios_base_library_init)"
}

link_natives_beside_managed() {
    local file linked=0
    for file in "$libtorch_native"/*.so* "$native"/*.so*; do
        [[ -e "$managed/$(basename "$file")" ]] && continue
        ln -s "$file" "$managed/$(basename "$file")"
        linked=$((linked + 1))
    done
    if [[ $linked -gt 0 ]]; then
        echo "debian12-torchsharp: Debian's libtorch-dev is installed; linked TorchSharp's $linked native libraries beside TorchSharp.dll so notebooks load them, not libtorch 1.13"
    fi
}

[[ -f "$library" ]] || fail "TorchSharp $version is not restored in $packages (the set-up restores it first)"
[[ -d "$libtorch_native" ]] || fail "libtorch-cpu-linux-x64 2.10.0 is not restored in $packages"

case "${1:-}" in
    --undo) undo; exit 0 ;;
    --check)
        if libstdcxx_has_version || [[ -f "$original" ]]; then
            ! system_libtorch || [[ -L "$managed/libtorch_cpu.so" ]]
            exit $?
        fi
        exit 1 ;;
    "") ;;
    *) fail "unknown option $1 (expected --undo or --check)" ;;
esac

if libstdcxx_has_version; then
    [[ -f "$original" ]] && undo
else
    fix_libstdcxx
fi
if system_libtorch; then
    link_natives_beside_managed
fi
