#!/usr/bin/env python3
"""Turns a counted window into cycles on a named core with llvm-mca: each translation block that the
window executed (count_instructions.c's blocks=FILE) is disassembled from the binary and given to
`llvm-mca -mcpu=CPU` as a loop body; its cycles per pass times its executions, summed, estimate the
window's cycles. Blocks are taken by instructions executed until COVER of the window is reached; the
rest is charged at the covered part's instructions per cycle.

What it leaves out: llvm-mca assumes every load hits the L1 cache and every branch is predicted, and a
block that is not a loop is scheduled as if it were repeated. So the figure is a lower bound on cycles
(an upper bound on speed); the weights (10.6 MB, past a Pi 4's 1 MB L2) make memory the larger
unknown at 10 tokens.
Usage: estimate_cycles.py BINARY BLOCKS_FILE CPU [COVER, default 0.97]   (prints: cycles instructions IPC)"""
import re
import shutil
import subprocess
import sys


def block_text(objdump, binary, address, count):
    out = subprocess.run([objdump, "-d", "--no-show-raw-insn", f"--start-address={address:#x}",
                          f"--stop-address={address + 4 * count:#x}", binary], capture_output=True, text=True, check=True).stdout
    lines = []
    for line in out.splitlines():
        match = re.match(r"\s*[0-9a-f]+:\s+(\S.*)$", line)
        if not match:
            continue
        instruction = match.group(1).split("//")[0].strip()
        # Branch targets become one local label, so llvm-mca can assemble the body.
        instruction = re.sub(r"0x[0-9a-f]+ <[^>]*>", ".Lbody", instruction)
        lines.append(instruction)
    return ".Lbody:\n" + "\n".join(lines) + "\n"


def main():
    binary, blocks, cpu = sys.argv[1], sys.argv[2], sys.argv[3]
    cover = float(sys.argv[4]) if len(sys.argv) > 4 else 0.97
    objdump = shutil.which("llvm-objdump") or "objdump"
    mca = shutil.which("llvm-mca")
    rows = []
    for line in open(blocks):
        address, instructions, executions = line.split()
        rows.append((int(address, 16), int(instructions), int(executions)))
    rows.sort(key=lambda row: -row[1] * row[2])
    window = sum(n * e for _, n, e in rows)
    covered_instructions = covered_cycles = 0
    for address, n, executions in rows:
        if covered_instructions >= cover * window:
            break
        report = subprocess.run([mca, "-mtriple=aarch64", f"-mcpu={cpu}", "-iterations=200"], input=block_text(objdump, binary, address, n),
                                capture_output=True, text=True).stdout
        match = re.search(r"Total Cycles:\s+(\d+)", report)
        if not match:
            continue
        covered_cycles += int(match.group(1)) / 200 * executions
        covered_instructions += n * executions
    ipc = covered_instructions / covered_cycles
    cycles = covered_cycles + (window - covered_instructions) / ipc
    print(f"{cycles:.0f} {window} {window / cycles:.2f}")


if __name__ == "__main__":
    main()
