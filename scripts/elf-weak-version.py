#!/usr/bin/env python3
"""Marks one symbol-version need of an ELF shared library weak, in place.

Usage: elf-weak-version.py LIBRARY VERSION      e.g. libLibTorchSharp.so GLIBCXX_3.4.32
       elf-weak-version.py --check LIBRARY VERSION   exit 0 if the need is weak already, 1 if not

A need marked weak (VER_FLG_WEAK in its Vernaux entry) no longer stops the dynamic loader when the
providing library lacks that version; symbols bound to it must then come from elsewhere. Part of the
Debian 12 step of the set-up (scripts/debian12-torchsharp.sh), which explains why.
"""
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def fail(message):
    print(f"elf-weak-version: {message}", file=sys.stderr)
    sys.exit(2)


def sections(data):
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        fail("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    for i in range(shnum):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, ...
        _, sh_type, _, _, offset, size, link, info = struct.unpack_from("<IIQQQQII", data, shoff + i * shentsize)
        yield sh_type, offset, size, link, info, shoff + i * shentsize


def string_at(data, table_offset, index):
    start = table_offset + index
    return data[start:data.index(b"\0", start)].decode()


def find_vernaux(data, version):
    """Returns the file offset of the vna_flags field of the need for `version`."""
    table = list(sections(data))
    for sh_type, offset, _, link, count, _ in table:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = table[link][1]
        entry = offset
        for _ in range(count):
            _, aux_count, _, aux, following = struct.unpack_from("<HHIII", data, entry)
            aux_entry = entry + aux
            for _ in range(aux_count):
                _, _, _, name, aux_next = struct.unpack_from("<IHHII", data, aux_entry)
                if string_at(data, strtab, name) == version:
                    return aux_entry + 4
                aux_entry += aux_next
            entry += following
    return None


def main(argv):
    check = argv[:1] == ["--check"]
    if check:
        argv = argv[1:]
    if len(argv) != 2:
        fail(__doc__.strip().splitlines()[2])
    path, version = argv
    with open(path, "rb") as f:
        data = bytearray(f.read())
    flags_at = find_vernaux(data, version)
    if flags_at is None:
        fail(f"{path} has no need for symbol version {version}")
    flags, = struct.unpack_from("<H", data, flags_at)
    if check:
        sys.exit(0 if flags & VER_FLG_WEAK else 1)
    struct.pack_into("<H", data, flags_at, flags | VER_FLG_WEAK)
    with open(path, "r+b") as f:
        f.seek(flags_at)
        f.write(data[flags_at:flags_at + 2])


if __name__ == "__main__":
    main(sys.argv[1:])
