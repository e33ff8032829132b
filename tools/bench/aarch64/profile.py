#!/usr/bin/env python3
"""Attributes a counted window to functions: reads the blocks file count_instructions.c writes with
blocks=FILE (address, instructions, executions per translation block) and the static binary's symbols
(llvm-nm), and prints the functions by instructions executed, with their share of the window.
Usage: profile.py BINARY BLOCKS_FILE [top, default 25]"""
import bisect
import shutil
import subprocess
import sys


def main():
    binary, blocks, top = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 25
    nm = shutil.which("llvm-nm") or "nm"
    symbols = []
    for line in subprocess.run([nm, "-n", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            symbols.append((int(parts[0], 16), parts[2]))
    addresses = [address for address, _ in symbols]
    totals, window = {}, 0
    for line in open(blocks):
        address, instructions, executions = line.split()
        count = int(instructions) * int(executions)
        window += count
        index = bisect.bisect_right(addresses, int(address, 16)) - 1
        name = symbols[index][1] if index >= 0 else "?"
        totals[name] = totals.get(name, 0) + count
    demangle = shutil.which("swift-demangle")
    names = list(totals)
    if demangle:
        out = subprocess.run([demangle, "--simplified", "--compact"], input="\n".join(names), capture_output=True, text=True).stdout.splitlines()
        if len(out) == len(names):
            totals = {out[i][:110]: totals[n] for i, n in enumerate(names)}
    print(f"window: {window:,} instructions")
    for name, count in sorted(totals.items(), key=lambda item: -item[1])[:top]:
        print(f"{count:>13,}  {100 * count / window:5.1f} %  {name}")


if __name__ == "__main__":
    main()
