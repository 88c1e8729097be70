#!/usr/bin/env python3
"""List the sentences that look like a tally or an attendance figure but
gave none: a miss finder that needs no gold, so it works on any page a user
has.

usage: missfinder.py VNEXTRACT [--patterns DIR] [--kind tallies|attendance]
                     [--summary] PATH...

Runs VNEXTRACT over the PATHs (text files or directories of them), splits
each text into sentences, and prints every sentence that holds
  - tallies: a rating level (patterns/lexicon/ratings.txt) and a figure,
  - attendance: a figure right before a word for people (attendees.txt:
    "22 đảng viên", "gần 200 đại biểu") and a word of taking part
    (attendance_verbs.txt, "tham dự", "tham gia", "dự"), a meeting or class
    (gatherings.txt) or a cue (presence_cues.txt),
where no tally (or attendance) span of the record falls, as
`SOURCE:OFFSET [kind] sentence`. Sentences of a target or plan ("phấn
đấu", "chỉ tiêu": lexicon/tally_targets.txt) are left out, as SPEC says
they hold no tally. With
--summary, only the counts per kind.

The words come from the lexicons of the pattern set (PATTERNS_DIR, default
the patterns/ beside this script), folded as vnextract folds them (case,
tone placement), so a new lexicon entry reaches the finder too.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"


def fold(s):
    """Lower case, tone marks moved to the end of each word (uỷ = ủy), NFC:
    how the shared scorer compares words."""
    s = unicodedata.normalize("NFD", s).casefold()
    out = []
    for word in re.split(r"([^\w\u0300-\u036f]+)", s):  # marks stay in their word
        out.append("".join(c for c in word if c not in TONES) + "".join(c for c in word if c in TONES))
    return unicodedata.normalize("NFC", "".join(out))


def lexicon(patterns, name):
    words = []
    with open(os.path.join(patterns, "lexicon", name + ".txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.append(fold(line.split("=", 1)[0].strip()))
    return words


def word_regex(words):
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words if w), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


# A sentence ends at a line end, at ';', '!', '?', or a full stop before a space.
SENTENCE_END = re.compile(r"\r?\n|\r|[;!?]|\.(?=\s)")
FIGURE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)?(?:\s*/\s*\d+)?\s*%?")


def sentences(text):
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, text[start:m.end()]
        start = m.end()
    yield start, text[start:]


def byte_offsets(text):
    """Character index -> UTF-8 byte offset, for comparing with spans."""
    out, b = [], 0
    for c in text:
        out.append(b)
        b += len(c.encode("utf-8"))
    out.append(b)
    return out


def run(binary, paths):
    out = subprocess.run([binary, *paths], capture_output=True, text=True, check=False)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def main(argv):
    args = argv[1:]
    if not args or args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    binary = args.pop(0)
    patterns = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "patterns")
    kinds = {"tallies", "attendance"}
    summary = False
    paths = []
    while args:
        a = args.pop(0)
        if a == "--patterns":
            patterns = args.pop(0)
        elif a == "--kind":
            kinds = {args.pop(0)}
        elif a == "--summary":
            summary = True
        else:
            paths.append(a)
    ratings = word_regex(lexicon(patterns, "ratings"))
    presence = word_regex(lexicon(patterns, "attendance_verbs") + lexicon(patterns, "gatherings") +
                          lexicon(patterns, "presence_cues") +
                          [fold(w) for w in ("tham dự", "tham gia", "có mặt", "dự")])
    people = word_regex(lexicon(patterns, "attendees"))
    target = word_regex(lexicon(patterns, "tally_targets") +
                        [fold(w) for w in ("chỉ tiêu", "kế hoạch đề ra")])
    counted = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?\s*%?\s+(?:các\s+)?(?:"
                         + people.pattern[len("(?<!\\w)(?:"):])
    counts = {k: 0 for k in kinds}
    for rec in run(binary, paths):
        src = rec.get("source")
        if not src or rec.get("error"):
            continue
        # As given (no newline translation, no normalization): spans are
        # offsets in the input's bytes.
        with open(src, encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        offs = byte_offsets(text)
        spans = {k: [tuple(x["span"]) for x in rec.get(k, []) if x.get("span")] for k in kinds}
        # A repeat of a statement found earlier is kept once in the record,
        # with the span of its first mention: its text still covers it.
        texts = {k: [" ".join(unicodedata.normalize("NFC", x["text"]).split())
                     for x in rec.get(k, []) if x.get("text")] for k in kinds}
        for at, s in sentences(text):
            folded = fold(s)
            if not FIGURE.search(s):
                continue
            b0, b1 = offs[at], offs[at + len(s)]
            found = []
            if "tallies" in kinds and ratings.search(folded) and not target.search(folded):
                found.append("tallies")
            if "attendance" in kinds and presence.search(folded) and counted.search(folded):
                found.append("attendance")
            flat = " ".join(unicodedata.normalize("NFC", s).split())
            for k in found:
                if any(a < b1 and b > b0 for a, b in spans[k]) or any(t in flat for t in texts[k]):
                    continue
                counts[k] += 1
                if not summary:
                    print(f"{src}:{b0} [{k}] {' '.join(s.split())[:300]}")
    for k in sorted(counts):
        print(f"# {k}: {counts[k]} sentences with no {k} found", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
