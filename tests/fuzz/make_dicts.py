#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make_dicts.py: libFuzzer dictionaries of the genre's tokens.

The words the extractors look for are data (patterns/): every entry of the
lexicons (ratings, honorifics, roles, document kinds, month names, number
words, page furniture, the reader view's class words...) and the Vietnamese
words of the pattern sets (ngày, tháng, năm, sáng, âm lịch...), with the
forms of dates, numbers and document symbols around them. A mutation that
inserts one of them reaches a pattern a random byte seldom would.

    tests/fuzz/make_dicts.py [OUTDIR]   (default: tests/fuzz/)

writes extract.dict (the genre), html.dict (the genre, tags, attributes,
entities and encodings) and jsonl.dict (the genre and JSON's own tokens).
scripts/fuzz.sh runs it before each run, so the dictionaries follow the
patterns; the committed ones are its output.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAX_TOKEN = 64  # libFuzzer's longest dictionary word, in bytes

# Forms the lexicons do not hold: how dates, counts, shares and document
# symbols are written around the words.
GENRE_FORMS = [
    "18/12/2023", "ngày 18/12/2023", "18-12-2023", "18.12.2023", "tháng 12/2023",
    "ngày 18 tháng 12 năm 2023", "tháng 4.2021", "(20.11)", "14 và 15/3", "năm học 2023-2024",
    "nhiệm kỳ 2025 – 2030", "3/9-5/9/2021", "từ ngày", "đến ngày", "Số:", "số 05-NQ/TU",
    "12/2019/NĐ-CP", "433/QĐ-UBND", "17/BTGĐ", "TT-BGDĐT", "98,1%", "100%", "đạt 95%",
    "chiếm", "tỷ lệ", "trong đó", "lần lượt là", "có mặt", "vắng", "đ/c", "Đ/c", "đồng chí",
    "Bí thư Chi bộ", ", ", ". ", ": ", " - ", " – ", "\n", "\r\n", "\n\n", "\t", "\u00a0",
    "\u200b", "\u00ad", "\ufeff", "o\u0300", "a\u0301", "\u0323", "\u0309", "Ð", "ð",
]

HTML_TOKENS = [
    "<!DOCTYPE html>", "<html>", "<html lang=\"vi\">", "<head>", "</head>", "<body>", "</body>",
    "<title>", "</title>", "<meta charset=\"utf-8\">", "<meta charset=\"windows-1258\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=",
    "<meta property=\"og:title\" content=\"", "<meta property=\"article:published_time\" content=\"",
    "<script type=\"application/ld+json\">", "\"datePublished\":", "<time datetime=\"",
    "<div>", "</div>", "<div class=\"", "<div id=\"", "<p>", "</p>", "<br>", "<br/>", "<hr>",
    "<h1>", "</h1>", "<h2>", "<h3>", "<b>", "</b>", "<i>", "<strong>", "<em>", "<span>",
    "<a href=\"", "</a>", "<ul>", "<li>", "<table>", "<tr>", "<td>", "<th>", "</td>", "</tr>",
    "</table>", "<tbody>", "<form>", "<nav>", "<article>", "<section>", "<aside>", "<header>",
    "<footer>", "<main>", "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>",
    "<math>", "<select>", "<option>", "<template>", "<noscript>", "<iframe>", "<img src=\"",
    "<textarea>", "<plaintext>", "<xmp>", "<frameset>", "<!--", "-->", "<![CDATA[", "]]>",
    "&nbsp;", "&amp;", "&lt;", "&#7843;", "&#x1EA1;", "&agrave;", "&ocirc;", " class=",
    " id=", " style=\"display:none\"", " hidden", "=\"", "\"", "'", ">", "</", "/>",
    "windows-1258", "windows-1252", "iso-8859-1", "UTF-16", "tcvn", "VISCII", "\xef\xbb\xbf",
]

JSON_TOKENS = [
    "{\"text\":\"", "{\"html\":\"", "\"id\":", "\"url\":", "\"text\":", "\"html\":", "\",",
    "\"}", "{", "}", "[", "]", ":", ",", "true", "false", "null", "-0", "1e309",
    "123456789012345678901234567890", "NaN", "Infinity", "\\\"", "\\\\", "\\/", "\\n", "\\r",
    "\\t", "\\u00e1", "\\u1ea1", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000",
]

# Words of the pattern sources that are syntax, not Vietnamese.
PCRE_WORDS = re.compile(r"[^\W\d_]{2,}(?:\s[^\W\d_]{2,})?", re.UNICODE)


def lexicon_tokens():
    tokens = []
    for path in sorted((ROOT / "patterns" / "lexicon").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if path.name == "html_weights.txt":  # "KIND NAME = NUMBER"
                kind, _, name = line.split("=")[0].strip().partition(" ")
                name = name.strip()
                if name:
                    tokens.append(f"<{name}" if kind == "tag" else name)
                continue
            for side in line.split("="):
                side = side.strip()
                if side and not re.fullmatch(r"[\d.,\s-]+", side):
                    tokens.append(side)
    return tokens


def pattern_tokens():
    tokens = []
    for path in sorted((ROOT / "patterns").glob("*.pcre")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue
            for word in PCRE_WORDS.findall(line):
                if any(ord(c) > 0x7F for c in word):  # Vietnamese, not regex syntax
                    tokens.append(word)
    return tokens


def escape(token):
    out = []
    for b in token.encode("utf-8"):
        c = chr(b)
        out.append(c if 0x20 <= b < 0x7F and c not in '"\\' else f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


def write(path, groups):
    seen, lines = set(), []
    for title, tokens in groups:
        lines.append(f"# {title}")
        for t in tokens:
            if t and t not in seen and len(t.encode("utf-8")) <= MAX_TOKEN:
                seen.add(t)
                lines.append(escape(t))
    head = ["# Generated by tests/fuzz/make_dicts.py from patterns/: do not edit."]
    path.write_text("\n".join(head + lines) + "\n", encoding="ascii")
    return len(seen)


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fuzz"
    out.mkdir(parents=True, exist_ok=True)
    genre = [("lexicons (patterns/lexicon/)", lexicon_tokens()),
             ("words of the pattern sets (patterns/*.pcre)", pattern_tokens()),
             ("forms of dates, figures and symbols", GENRE_FORMS)]
    for name, extra in (("extract", []), ("html", [("HTML", HTML_TOKENS)]),
                        ("jsonl", [("JSON", JSON_TOKENS)])):
        n = write(out / f"{name}.dict", genre + extra)
        print(f"{out / (name + '.dict')}: {n} tokens")


if __name__ == "__main__":
    main()
