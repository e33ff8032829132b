#!/usr/bin/env python3
"""Copies VADER's lexicons (vaderSentiment 3.3.2, MIT licence, (c) 2016 C.J. Hutto) into models/ for
Attune's Swift port (Sources/AttuneText/VADERSentiment.swift):

  models/vader-lexicon.tsv   token <TAB> mean valence, from vader_lexicon.txt (the ratings' standard
                             deviation and raw votes are dropped: VADER uses only the mean)
  models/vader-emoji.tsv     emoji <TAB> description, from emoji_utf8_lexicon.txt
  models/VADER-LICENSE.txt   the package's licence, which travels with the lexicons

Usage: python3 tools/text/convert_vader.py VADER_PACKAGE_DIR
  VADER_PACKAGE_DIR: vaderSentiment/ from the vaderSentiment 3.3.2 wheel (models/MODELS.md).
"""
import hashlib
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    package = sys.argv[1]
    models = os.path.join(ROOT, "models")
    # Read exactly as vaderSentiment does: rstrip the file, split lines, strip each, split on tabs.
    with open(os.path.join(package, "vader_lexicon.txt"), encoding="utf-8") as f:
        lines = [line for line in f.read().rstrip("\n").split("\n") if line]
    with open(os.path.join(models, "vader-lexicon.tsv"), "w", encoding="utf-8") as out:
        for line in lines:
            word, measure = line.strip().split("\t")[0:2]
            out.write(f"{word}\t{float(measure)!r}\n")
    with open(os.path.join(package, "emoji_utf8_lexicon.txt"), encoding="utf-8") as f:
        emoji_lines = f.read().rstrip("\n").split("\n")
    with open(os.path.join(models, "vader-emoji.tsv"), "w", encoding="utf-8") as out:
        for line in emoji_lines:
            emoji, description = line.strip().split("\t")[0:2]
            out.write(f"{emoji}\t{description}\n")
    licence = os.path.join(os.path.dirname(package.rstrip("/")), "vaderSentiment-3.3.2.dist-info", "LICENSE.txt")
    shutil.copyfile(licence, os.path.join(models, "VADER-LICENSE.txt"))
    for name in ("vader-lexicon.tsv", "vader-emoji.tsv"):
        path = os.path.join(models, name)
        print(hashlib.sha256(open(path, "rb").read()).hexdigest(), "models/" + name)
    print(f"{len(lines)} lexicon entries, {len(emoji_lines)} emoji")


if __name__ == "__main__":
    main()
