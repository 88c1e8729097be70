#!/usr/bin/env python3
"""Spans index what the user holds: --spans bytes|codepoints|utf16.

usage: spans_test.py VNEXTRACT REPO_DIR

On every page of ../shared/corpus/dev (and corpus/), and on edge texts
(characters outside the BMP, invalid UTF-8, a byte order mark, CRLF, NFD),
the spans of --spans codepoints slice the Python string of the text, and
those of --spans utf16 its UTF-16 code units, to exactly what the byte spans
slice of its bytes; and a span's slice, NFC with white space collapsed, is
the fact's "text" where the record has one. Each page is run once per unit,
as one batch.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def run(vnx, unit, paths):
    out = subprocess.run([vnx, "--spans", unit, "-j", "2", "--from", "text", *paths],
                         capture_output=True, timeout=600, check=False).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def spans(rec):
    """(kind, index, span, text) of every span of a record, in order."""
    for kind in ("dates", "directives", "tallies", "attendance"):
        for i, item in enumerate(rec[kind]):
            yield kind, i, item["span"], item.get("text")
    for i, o in enumerate(rec["officials"]):
        for s in o["spans"]:
            yield "officials", i, s, None


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx, repo = argv[1], argv[2]
    dev = sorted(glob.glob(os.path.join(repo, "..", "shared", "corpus", "dev", "*.txt")))
    if not dev:
        print("note: ../shared/corpus/dev is not there; corpus/ and the edge texts only")
    paths = dev + sorted(glob.glob(os.path.join(repo, "corpus", "*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        edges = {
            "astral.txt": "𝐀𝐁 Ngày 18/12/2023 😀 theo Hướng dẫn số 03-HD/TU 🎉 của Ban.\n".encode(),
            "invalid.txt": (b"\xe1\xbb ng\xc3\xa0y 18/12/2023 \xff\xfe\xf0\x9f\x98 " +
                            "Hướng dẫn số 03-HD/TU.\n".encode()),
            "bom.txt": b"\xef\xbb\xbf" + "Ngày 18/12/2023, Chỉ thị 05-CT/TW.\n".encode(),
            "crlf.txt": "Dòng một\r\nNgày 18/12/2023\r\nHướng dẫn số 03-HD/TU\r\n".encode(),
            "nfd.txt": unicodedata.normalize("NFD", "Ngày 18/12/2023 Hướng dẫn số 03-HD/TU "
                                                    "đồng chí Nguyễn Văn Toản").encode(),
        }
        for name, data in edges.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
            paths.append(os.path.join(tmp, name))
        by_unit = {unit: run(vnx, unit, paths) for unit in ("bytes", "codepoints", "utf16")}
        check("one record per page in every unit",
              all(len(recs) == len(paths) for recs in by_unit.values()),
              {u: len(r) for u, r in by_unit.items()})
        checked = bad = text_ok = text_all = 0
        failures = []
        for path, rb, rc, ru in zip(paths, *by_unit.values()):
            with open(path, "rb") as f:
                data = f.read()
            s = data.decode("utf-8", errors="replace")
            u16 = s.encode("utf-16-le", errors="surrogatepass")
            for (kind, i, sb, text), (_, _, sc, _), (_, _, su, _) in zip(spans(rb), spans(rc),
                                                                         spans(ru)):
                want = data[sb[0]:sb[1]].decode("utf-8", errors="replace")
                got_c = s[sc[0]:sc[1]]
                got_u = u16[2 * su[0]:2 * su[1]].decode("utf-16-le", errors="surrogatepass")
                checked += 1
                if got_c != want or got_u != want:
                    bad += 1
                    failures.append((os.path.basename(path), kind, i, sb, sc, su, want, got_c))
                if text is not None:
                    text_all += 1
                    text_ok += clean(got_c) == clean(text)
            check(f"{os.path.basename(path)}: the same facts in every unit",
                  len(list(spans(rb))) == len(list(spans(rc))) == len(list(spans(ru))))
        check(f"codepoints slice the str, utf16 the UTF-16 units, as bytes slice the bytes "
              f"({checked} spans)", (checked > 1000 if dev else checked > 20) and bad == 0,
              failures[:5])
        check(f"every span right ({bad} wrong)", bad == 0, failures[:5])
        # A fact's text is its span's slice, cleaned (a few are cleaned of
        # more than NFC and white space: CSS leftovers, soft hyphens).
        check(f"a fact's text is its code point slice, cleaned ({text_ok}/{text_all})",
              text_all and text_ok / text_all > 0.97, text_ok)
        for name in edges:
            p = os.path.join(tmp, name)
            k = paths.index(p)
            check(f"{name}: facts found", len(list(spans(by_unit['bytes'][k]))) > 0,
                  by_unit["bytes"][k])

        r = subprocess.run([vnx, "--spans", "chars", paths[-1]], capture_output=True, timeout=60)
        check("--spans chars: exit 2, the units named",
              r.returncode == 2 and b"bytes, codepoints or utf16" in r.stderr and not r.stdout,
              r.stderr)
        html = os.path.join(tmp, "page.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write("<html><body><p>𝐀 Ngày 18/12/2023</p></body></html>")
        r = subprocess.run([vnx, "--spans", "codepoints", html], capture_output=True, timeout=60)
        rec = json.loads(r.stdout)
        check("HTML: spans index the page's text (here '𝐀 Ngày 18/12/2023'): [2, 17)",
              rec["dates"][0]["span"] == [2, 17], rec["dates"])

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
