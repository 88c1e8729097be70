#!/usr/bin/env python3
"""The --html review page, in a real browser (headless Chromium).

usage: review_test.py VNEXTRACT REPO_DIR [--screenshot PNG]

Runs `vnextract --html PAGE` over corpus/*.txt and an article of hostile
text, loads PAGE in headless Chromium and reads the DOM it dumps: for every
span of every record (dates, directives, officials' mentions, tallies,
attendance: whatever the record has) there must be a highlighted element of
that kind over those bytes, showing those bytes and the normalized value;
no highlight of those kinds without a span; each article's text as read;
the legend; nothing of the article's text run as markup. Then it takes a
screenshot of the page for people to look at (into PNG, else a temporary
file; docs/review.png is made that way). Without Chromium the test is
skipped (exit 77) with a message; scripts/install-deps.sh installs it.
"""
import glob
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

KINDS = ("date", "directive", "official", "role", "tally", "attendance")
HOSTILE = ("<script>document.title='x'</script> Ngày 05/3/2024 & \"Kế hoạch\" số 07-KH/CB "
           "<b>ngày 06/3/2024</b> \x01 it's \u0111\u1ea3ng viên\n").encode() + b"\xff\xfe end\n"
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))
    return cond


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(browser, profile, *args):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=120)


class Page(html.parser.HTMLParser):
    """The parts of the dumped DOM the test reads: each article's source,
    text and highlights (with the text each shows), the legend's kinds, and
    whether any <script> element is there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles = []  # {"source", "text", "marks": [...]}
        self.legend = []
        self.scripts = 0
        self._open = []  # (tag, mark or None)
        self._in_h2 = self._in_text = self._in_key = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        mark = None
        if tag == "script":
            self.scripts += 1
        elif tag == "section" and "article" in cls.split():
            self.articles.append({"source": "", "text": "", "marks": []})
        elif tag == "h2" and self.articles:
            self._in_h2 = True
        elif tag == "div" and cls == "text":
            self._in_text = True
        elif tag == "span" and "key" in cls.split():
            self._in_key = True
        elif tag == "mark" and self._in_text:
            mark = {"kind": a.get("data-kind"), "class": cls, "start": int(a["data-start"]),
                    "end": int(a["data-end"]), "clipped": "data-clipped" in a,
                    "value": a.get("data-value"), "title": a.get("title"), "text": ""}
            self.articles[-1]["marks"].append(mark)
        if tag not in ("meta", "br", "img", "link", "input"):
            self._open.append((tag, mark))

    def handle_endtag(self, tag):
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break
        if tag == "h2":
            self._in_h2 = False
        elif tag == "div":
            self._in_text = False
        elif tag == "span":
            self._in_key = False

    def handle_data(self, data):
        if self._in_h2:
            self.articles[-1]["source"] += data
        if self._in_key:
            self.legend.append(data)
        if self._in_text:
            self.articles[-1]["text"] += data
            for _, mark in self._open:
                if mark is not None:
                    mark["text"] += data


def spans_of(rec):
    """(kind, start, end, a normalized value the highlight must show) of
    every span of the record."""
    for d in rec["dates"]:
        yield "date", *d["span"], d["value"]
    for d in rec["directives"]:
        yield "directive", *d["span"], d["number"]
    for o in rec["officials"]:
        for s in o["spans"]:
            yield "official", *s, o["name"]
    for t in rec["tallies"]:
        yield "tally", *t["span"], t["rating"]
    for a in rec["attendance"]:
        yield "attendance", *a["span"], str(a["present"])


def as_shown(raw):
    """What a browser shows of input bytes: invalid UTF-8 and control
    characters as U+FFFD, line ends as \\n."""
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n") or c == "\x7f" else c
                   for c in text)


def check_article(art, rec, raw, counts):
    src = rec["source"]
    check(f"{src}: the article's text, as read", art["text"] == as_shown(raw))
    marks = {(m["kind"], m["start"], m["end"]): m for m in art["marks"]}
    want = list(spans_of(rec))
    missing, wrong = [], []
    for kind, start, end, value in want:
        counts[kind] = counts.get(kind, 0) + 1
        m = marks.get((kind, start, end))
        if m is None:
            missing.append((kind, start, end))
            continue
        shown = as_shown(raw[start:end])
        ok = (m["class"] == f"k-{kind}" and value in (m["value"] or "") and
              (m["title"] or "").startswith(f"{kind}: ") and value in m["title"] and
              (m["clipped"] or m["text"] == shown))
        if not ok:
            wrong.append((kind, start, end, m, shown, value))
    check(f"{src}: every span of the record is highlighted ({len(want)})", not missing, missing)
    check(f"{src}: each highlight shows its bytes, kind and value", not wrong, wrong[:3])
    spans = {(k, s, e) for k, s, e, _ in want}
    extra = [k for k in marks if k[0] != "role" and k not in spans]
    check(f"{src}: no highlight without a span", not extra, extra)
    for m in art["marks"]:
        if m["kind"] == "role":
            counts["role"] = counts.get("role", 0) + 1
            check(f"{src}: role {m['text']!r} is a role of the record",
                  any(m["text"] in o["roles"] for o in rec["officials"]))


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--screenshot"):
        sys.exit(__doc__)
    vnx, repo = argv[1], argv[2]
    browser = find_chromium()
    if not browser:
        print("skipped: no chromium on PATH (scripts/install-deps.sh installs Debian's chromium)")
        return 77
    with tempfile.TemporaryDirectory(prefix="vnx-review-") as tmp:
        hostile = os.path.join(tmp, "hostile <&>.txt")
        with open(hostile, "wb") as f:
            f.write(HOSTILE)
        articles = sorted(glob.glob(os.path.join(repo, "corpus", "*.txt"))) + [hostile]
        page = os.path.join(tmp, "review.html")
        r = subprocess.run([vnx, "--html", page, *articles], capture_output=True, timeout=120)
        check("vnextract --html runs", r.returncode == 0, r.stderr)
        records = [json.loads(line) for line in r.stdout.decode().splitlines() if line.strip()]
        check("the JSON records still go to standard output", len(records) == len(articles))

        dom = chromium(browser, os.path.join(tmp, "profile"), "--dump-dom", "file://" + page)
        check("chromium loads the page", dom.returncode == 0 and b"</html>" in dom.stdout,
              dom.stderr.decode(errors="replace")[-500:])
        parsed = Page()
        parsed.feed(dom.stdout.decode("utf-8", errors="replace"))
        check("the legend names every kind", parsed.legend == list(KINDS), parsed.legend)
        check("one section per article", len(parsed.articles) == len(records),
              f"{len(parsed.articles)} != {len(records)}")
        check("no script in the page (the article's <script> is text)", parsed.scripts == 0)
        counts = {}
        for art, rec, path in zip(parsed.articles, records, articles):
            check(f"{rec['source']}: its heading is its source", art["source"] == rec["source"],
                  art["source"])
            with open(path, "rb") as f:
                check_article(art, rec, f.read(), counts)
        print("highlights checked by kind:",
              ", ".join(f"{k} {counts.get(k, 0)}" for k in KINDS))
        check("the corpus gives highlights to check", counts.get("date", 0) > 0)

        # A screenshot for people (docs/review.png is made by this step).
        png = argv[4] if len(argv) == 5 else os.path.join(tmp, "review.png")
        shot = chromium(browser, os.path.join(tmp, "profile"), "--hide-scrollbars",
                        "--window-size=1200,1500", f"--screenshot={os.path.abspath(png)}",
                        "file://" + page)
        check("chromium takes a screenshot of the page",
              shot.returncode == 0 and os.path.exists(png) and os.path.getsize(png) > 10000,
              shot.stderr.decode(errors="replace")[-500:])

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
