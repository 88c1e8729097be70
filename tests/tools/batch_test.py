#!/usr/bin/env python3
"""Batch processing by the vnextract command, end to end: input formats,
JSON Lines sources and bad lines, encodings, bad inputs (huge, empty,
invalid, unreadable, looping), output order with -j N, a closed stdout, the
progress line, and GNU parallel.

Every check is one bad or unusual input and what vnextract must do with it;
each also checks that nothing is lost: every input gives exactly one record
or error record, in input order, and the other inputs are still processed.
Generated inputs live in a temporary directory.

usage: batch_test.py VNEXTRACT REPO_DIR
"""
import glob
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata

SAMPLE = "Sáng ngày 18 tháng 12 năm 2023, Chi bộ họp theo Hướng dẫn số 03-HD/TU.\n"
SAMPLE_DATES = ["2023-12-18"]
results = []
VNX = None


class Timeout:
    """What run() gives back for a command that did not end in time."""
    returncode = None
    stdout = b""
    stderr = b"(timed out)"
    seconds = None


def run(*args, stdin=None, timeout=60):
    """Run vnextract with `args`; .seconds is how long it took."""
    t0 = time.monotonic()
    try:
        r = subprocess.run([VNX, *args], input=stdin, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Timeout()
    r.seconds = time.monotonic() - t0
    return r


def check(name, cond, detail=""):
    cond = bool(cond)
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail != "" else ""),
          flush=True)
    return cond


def records(out):
    """The JSON lines of `out` (a line that is not JSON becomes {"_bad": line})."""
    recs = []
    for line in out.decode("utf-8", "replace").split("\n"):
        if not line.strip():
            continue
        try:
            recs.append(json.loads(line))
        except ValueError:
            recs.append({"_bad": line[:200]})
    return recs


def is_error(rec):
    return set(rec) == {"source", "error"}


def is_record(rec):
    return "dates" in rec and "error" not in rec


def dates(rec):
    return [d["value"] for d in rec.get("dates", [])]


def date_pairs(rec):
    return [(d["text"], d["value"]) for d in rec.get("dates", [])]


def shape(recs):
    """[(source, 'rec'|'err')...]: what each input gave, in order."""
    return [(r.get("source"), "err" if is_error(r) else "rec" if is_record(r) else "bad")
            for r in recs]


def stderr_lines(r):
    return [l for l in r.stderr.decode("utf-8", "replace").split("\n") if l]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def cp1258(text):
    """`text` in windows-1258 with the tone marks as combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for c in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", c)
        base = unicodedata.normalize("NFC", "".join(x for x in d if x not in tones))
        out += (base + "".join(x for x in d if x in tones)).encode("cp1258")
    return out


def jline(**members):
    return json.dumps(members, ensure_ascii=False)


def corpus_files(repo):
    files = sorted(glob.glob(os.path.join(repo, "corpus", "*.txt")))
    files += sorted(glob.glob(os.path.join(repo, "..", "shared", "corpus", "*", "*.txt")))
    return files


# ---- input formats ------------------------------------------------------------

def check_formats(tmp):
    # The same bytes read as text or as HTML: only HTML decodes the entity,
    # so the date is "ngày 18/12/2023" as HTML and "18/12/2023" as text.
    markup = "Họp ng&agrave;y 18/12/2023"
    as_txt = write(f"{tmp}/fmt/a.txt", "<p>" + markup + "</p>")
    as_html = write(f"{tmp}/fmt/b.html", markup)  # no leading '<': by extension only
    as_jsonl = write(f"{tmp}/fmt/c.jsonl", jline(text=SAMPLE) + "\n" + jline(text="x") + "\n")
    no_ext = write(f"{tmp}/fmt/page", "  \n<p>" + markup + "</p>")
    r = run("--no-spans", as_txt, as_html, as_jsonl, no_ext)
    recs = records(r.stdout)
    check("--from auto: .txt, .html, .jsonl and a sniffed file give their records in order",
          r.returncode == 0 and shape(recs) == [(as_txt, "rec"), (as_html, "rec"),
                                               (f"{as_jsonl}:1", "rec"), (f"{as_jsonl}:2", "rec"),
                                               (no_ext, "rec")], (r.returncode, shape(recs)))
    if len(recs) == 5:
        check("--from auto: a .txt file starting with '<' is read as text",
              date_pairs(recs[0]) == [("18/12/2023", "2023-12-18")], date_pairs(recs[0]))
        check("--from auto: a .html file not starting with '<' is read as HTML",
              date_pairs(recs[1]) == [("ngày 18/12/2023", "2023-12-18")], date_pairs(recs[1]))
        check("--from auto: a .jsonl file is a stream", dates(recs[2]) == SAMPLE_DATES, recs[2])
        check("--from auto: a file without extension starting with '<' is sniffed as HTML",
              date_pairs(recs[4]) == [("ngày 18/12/2023", "2023-12-18")], date_pairs(recs[4]))

    r = run("--no-spans", stdin=("\n <html><body><p>" + markup + "</p></body></html>").encode())
    recs = records(r.stdout)
    check("stdin starting with '<' is sniffed as HTML",
          r.returncode == 0 and shape(recs) == [("-", "rec")] and
          date_pairs(recs[0]) == [("ngày 18/12/2023", "2023-12-18")], (r.returncode, recs))
    r = run(stdin=(jline(text=SAMPLE) + "\n\n" + jline(id="k", text="y") + "\n").encode())
    recs = records(r.stdout)
    check("stdin starting with '{' is sniffed as JSON Lines (sources -:1 and the id)",
          r.returncode == 0 and shape(recs) == [("-:1", "rec"), ("k", "rec")] and
          dates(recs[0]) == SAMPLE_DATES, (r.returncode, shape(recs)))
    r = run(stdin=markup.encode())
    recs = records(r.stdout)
    check("stdin starting with anything else is text",
          r.returncode == 0 and shape(recs) == [("-", "rec")] and
          date_pairs(recs[0]) == [("18/12/2023", "2023-12-18")], recs)

    r = run("--no-spans", "--from", "text", as_html)
    recs = records(r.stdout)
    check("--from text forces text on an .html file (the entity is not decoded)",
          r.returncode == 0 and shape(recs) == [(as_html, "rec")] and
          date_pairs(recs[0]) == [("18/12/2023", "2023-12-18")], recs)
    r = run("--from=html", as_txt)
    recs = records(r.stdout)
    check("--from=html forces HTML on a .txt file",
          r.returncode == 0 and len(recs) == 1 and recs[0]["dates"][:1] and
          recs[0]["dates"][0]["text"] == "ngày 18/12/2023", recs)
    for bad in ("xml", "", "TEXT"):
        r = run("--from", bad, as_txt)
        check(f"--from {bad!r}: exit 2, nothing on stdout, a usage message",
              r.returncode == 2 and not r.stdout and b"--from" in r.stderr, (r.returncode, r.stderr))


# ---- JSON Lines ---------------------------------------------------------------

def check_jsonl(tmp):
    good = write(f"{tmp}/jl/good.txt", SAMPLE)
    lines = [
        jline(id="id-1", url="https://x.vn/1", text=SAMPLE),        # 1: the id
        jline(url="https://x.vn/2", text=SAMPLE),                   # 2: the url
        jline(text=SAMPLE, title="t"),                              # 3: FILE:3
        "",                                                         # 4: blank
        "   \t",                                                    # 5: blank
        "[1, 2]",                                                   # 6: not an object
        '{"text": "unterminated',                                   # 7: invalid JSON
        jline(id="no-text", body=SAMPLE),                           # 8: no "text"
        jline(id=9, html="<p>Ng&agrave;y 1/2/2024</p>"),            # 9: a number id, html
        "42",                                                       # 10: a number
        jline(text=5),                                              # 11: text not a string
        jline(text="ngày 5/6/2024"),                                # 12: no final newline
    ]
    stream = write(f"{tmp}/jl/s.jsonl", "\n".join(lines))
    r = run("--no-spans", stream, good)
    recs = records(r.stdout)
    want = [("id-1", "rec"), ("https://x.vn/2", "rec"), (f"{stream}:3", "rec"),
            (f"{stream}:6", "err"), (f"{stream}:7", "err"), (f"{stream}:8", "err"),
            ("9", "rec"), (f"{stream}:10", "err"), (f"{stream}:11", "err"),
            (f"{stream}:12", "rec"), (good, "rec")]
    check("JSON Lines: source is the id, else the url, else FILE:LINE (blank lines counted, "
          "no record); bad lines give error records; the next file is still read",
          shape(recs) == want, shape(recs))
    check("JSON Lines: a bad line makes the exit status 1", r.returncode == 1, r.returncode)
    if shape(recs) == want:
        check("JSON Lines: records have their dates (html member read as HTML)",
              dates(recs[0]) == SAMPLE_DATES and dates(recs[6]) == ["2024-02-01"] and
              dates(recs[9]) == ["2024-06-05"], [dates(x) for x in recs])
        errs = [x for x in recs if is_error(x)]
        check("JSON Lines: error records say what is wrong",
              "object" in errs[0]["error"] and "JSON" in errs[1]["error"] and
              "text" in errs[2]["error"] and "text" in errs[4]["error"],
              [e["error"] for e in errs])
        check("JSON Lines: 'not an object' is said of a number line too (\"42\" is valid JSON)",
              "object" in errs[3]["error"], errs[3]["error"])
    err_lines = stderr_lines(r)
    want_prefixes = [f"vnextract: {stream}:{n}: " for n in (6, 7, 8, 10, 11)]
    check("JSON Lines: one 'vnextract: FILE:LINE: ...' line on stderr per bad line, in order",
          len(err_lines) == len(want_prefixes) and
          all(l.startswith(p) for l, p in zip(err_lines, want_prefixes)), err_lines)

    # CRLF line ends and a CRLF blank line: the same records as with LF.
    lf = write(f"{tmp}/jl/lf.jsonl", "\n".join(lines[:3] + [""] + lines[8:9]) + "\n")
    crlf = write(f"{tmp}/jl/crlf.jsonl", "\r\n".join(lines[:3] + [""] + lines[8:9]) + "\r\n")
    a, b = run("--no-spans", lf), run("--no-spans", crlf)
    ra = [dict(x, source=x["source"].replace(lf, "F")) for x in records(a.stdout)]
    rb = [dict(x, source=x["source"].replace(crlf, "F")) for x in records(b.stdout)]
    check("JSON Lines with CRLF line ends: the same records as with LF",
          a.returncode == b.returncode == 0 and len(ra) == 4 and ra == rb,
          (a.returncode, b.returncode, shape(ra), shape(rb)))

    # A stream saved with a UTF-8 byte order mark: the sniffer skips it to
    # see the '{', so the first line must be read like the others.
    bom = write(f"{tmp}/jl/bom.jsonl", b"\xef\xbb\xbf" + ("\n".join(lines[:3]) + "\n").encode())
    r = run("--no-spans", bom)
    recs = records(r.stdout)
    check("JSON Lines with a UTF-8 BOM: the first line gives its record, not an error",
          shape(recs) == [("id-1", "rec"), ("https://x.vn/2", "rec"), (f"{bom}:3", "rec")] and
          r.returncode == 0, (r.returncode, recs[:1]))
    r = run("--no-spans", stdin=b"\xef\xbb\xbf" + (lines[0] + "\n").encode())
    recs = records(r.stdout)
    check("JSON Lines with a UTF-8 BOM on stdin: the first line gives its record",
          shape(recs) == [("id-1", "rec")] and r.returncode == 0, (r.returncode, recs))


# ---- encodings ----------------------------------------------------------------

def check_encodings(tmp):
    ref = write(f"{tmp}/enc/utf8.txt", SAMPLE)
    le = write(f"{tmp}/enc/le.txt", b"\xff\xfe" + SAMPLE.encode("utf-16-le"))
    be = write(f"{tmp}/enc/be.txt", b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    html16 = write(f"{tmp}/enc/p.html", b"\xff\xfe" + f"<p>{SAMPLE}</p>".encode("utf-16-le"))
    r = run("--no-spans", ref, le, be, html16)
    recs = records(r.stdout)
    ok = r.returncode == 0 and shape(recs) == [(p, "rec") for p in (ref, le, be, html16)]
    check("UTF-16LE and UTF-16BE files with a BOM (text and HTML) are read",
          ok and all(date_pairs(x) == date_pairs(recs[0]) and not x["warnings"] for x in recs)
          and dates(recs[0]) == SAMPLE_DATES, (r.returncode, [date_pairs(x) for x in recs]))

    # A JSON Lines stream in UTF-16 cannot be split on the byte '\n': the
    # stream is refused as a whole, with an error record that says so.
    stream = jline(id="a", text=SAMPLE) + "\n" + jline(id="b", text=SAMPLE) + "\n"
    s16 = write(f"{tmp}/enc/s16.jsonl", b"\xff\xfe" + stream.encode("utf-16-le"))
    r = run("--no-spans", s16)
    recs = records(r.stdout)
    check("a UTF-16 JSON Lines stream with a BOM: one error record that says why, exit 1",
          r.returncode == 1 and len(recs) == 1 and recs[0].get("source") == s16
          and "UTF-16" in recs[0].get("error", ""),
          (r.returncode, shape(recs), stderr_lines(r)))

    w = write(f"{tmp}/enc/w.txt", cp1258(SAMPLE))
    r = run("--no-spans", "--encoding", "windows-1258", w)
    recs = records(r.stdout)
    check("--encoding windows-1258 (combining tone marks): the dates are found",
          r.returncode == 0 and len(recs) == 1 and dates(recs[0]) == SAMPLE_DATES and
          not recs[0]["warnings"], recs)
    ws = write(f"{tmp}/enc/w.jsonl", cp1258(jline(id="w", text=SAMPLE) + "\n"))
    r = run("--no-spans", "--encoding", "windows-1258", ws)
    recs = records(r.stdout)
    check("--encoding windows-1258 on a JSON Lines stream: each line decoded",
          r.returncode == 0 and shape(recs) == [("w", "rec")] and dates(recs[0]) == SAMPLE_DATES,
          recs)
    r = run("--encoding", "nosuch", ref)
    check("--encoding nosuch: exit 2, the name in the message, nothing on stdout",
          r.returncode == 2 and not r.stdout and b"nosuch" in r.stderr, (r.returncode, r.stderr))


# ---- bad inputs ---------------------------------------------------------------

def check_bad_inputs(tmp, huge_line):
    good = write(f"{tmp}/bad/good.txt", SAMPLE)

    p = write(f"{tmp}/bad/invalid.txt", b"ng\xc3\xa0y 18/12/2023 \xff\xfe\xc3( end\n")
    r = run(p, good)
    recs = records(r.stdout)
    check("invalid UTF-8: a record with an 'invalid UTF-8' warning and its date, exit 0",
          r.returncode == 0 and shape(recs) == [(p, "rec"), (good, "rec")] and
          any("invalid UTF-8" in w for w in recs[0]["warnings"]) and
          dates(recs[0]) == SAMPLE_DATES, (r.returncode, recs[:1]))

    p = write(f"{tmp}/bad/nul.txt", b"ng\xc3\xa0y 18/12/2023\x00\x00 ch\x00i b\xe1\xbb\x99\x00")
    q = write(f"{tmp}/bad/nul.html", b"<p>ng\xc3\xa0y 18/12/2023\x00</p>\x00<p>x</p>")
    s = write(f"{tmp}/bad/nul.jsonl", b'{"text":"a\x00b"}\n' + jline(text=SAMPLE).encode() + b"\n")
    r = run(p, q, s, good)
    recs = records(r.stdout)
    check("NUL bytes (text, HTML, a JSON line): one record each, no crash",
          r.returncode in (0, 1) and shape(recs)[:2] == [(p, "rec"), (q, "rec")] and
          [x[0] for x in shape(recs)[2:]] == [f"{s}:1", f"{s}:2", good] and
          shape(recs)[3][1] == shape(recs)[4][1] == "rec" and dates(recs[0]) == SAMPLE_DATES,
          (r.returncode, shape(recs), r.stderr[-300:]))

    p = write(f"{tmp}/bad/empty.txt", b"")
    q = write(f"{tmp}/bad/empty.html", b"")
    s = write(f"{tmp}/bad/empty.jsonl", b"")
    r = run(p, q, s, good)
    recs = records(r.stdout)
    check("empty files: an empty record each (.txt, .html), none for an empty stream",
          r.returncode == 0 and shape(recs) == [(p, "rec"), (q, "rec"), (good, "rec")] and
          all(x["dates"] == [] and x["directives"] == [] and x["officials"] == [] and
              x["event"] == {"type": None, "date": None, "organization": None}
              for x in recs[:2]), (r.returncode, recs[:2]))

    big = write(f"{tmp}/bad/big.txt", b"")
    os.truncate(big, 1 << 30)
    r = run(big, good, timeout=30)
    recs = records(r.stdout)
    check("a 1 GB file: an error record 'larger than --max-bytes', the next input read",
          r.returncode == 1 and shape(recs) == [(big, "err"), (good, "rec")] and
          "larger than --max-bytes" in recs[0]["error"],
          (r.returncode, recs))
    check("a 1 GB file: skipped quickly (under 5 s)",
          r.seconds is not None and r.seconds < 5, r.seconds)
    check("a 1 GB file: 'vnextract: FILE: ...' on stderr",
          stderr_lines(r)[:1] and stderr_lines(r)[0].startswith(f"vnextract: {big}: "),
          r.stderr[:300])

    # A 100 MB line, as a text file with no newline, and as line 2 of a stream.
    line_txt = f"{tmp}/bad/line.txt"
    os.link(huge_line, line_txt)
    r = run(line_txt, good)
    recs = records(r.stdout)
    check("a 100 MB one-line text file: an error record under the default 32M, the next read",
          r.returncode == 1 and shape(recs) == [(line_txt, "err"), (good, "rec")] and
          "larger than --max-bytes" in recs[0]["error"], (r.returncode, recs))
    stream = f"{tmp}/bad/huge.jsonl"
    with open(stream, "wb") as out, open(huge_line, "rb") as src:
        out.write(jline(id="first", text=SAMPLE).encode() + b"\n")
        out.write(b'{"text":"')
        shutil.copyfileobj(src, out, 1 << 20)
        out.write(b'"}\n')
        out.write(jline(text=SAMPLE).encode() + b"\n")
    r = run(stream, good)
    recs = records(r.stdout)
    check("a JSON Lines stream with a 100 MB line 2: lines 1 and 3 give records, line 2 an "
          "error record",
          r.returncode == 1 and shape(recs) == [("first", "rec"), (f"{stream}:2", "err"),
                                                (f"{stream}:3", "rec"), (good, "rec")] and
          "larger than --max-bytes" in recs[1]["error"], (r.returncode, shape(recs)))
    os.unlink(stream)

    two_k = write(f"{tmp}/bad/2k.txt", ("ngày 18/12/2023 ".encode() + b"a" * 2048)[:2048])
    assert os.path.getsize(two_k) == 2048
    r = run("--max-bytes", "1K", two_k, good)
    recs = records(r.stdout)
    check("--max-bytes 1K on a 2 KB file: an error record naming 1024 bytes, the next read",
          r.returncode == 1 and shape(recs) == [(two_k, "err"), (good, "rec")] and
          "1024" in recs[0]["error"], (r.returncode, recs))
    r = run("--max-bytes=2k", two_k)
    recs = records(r.stdout)
    check("--max-bytes 2k on a file of exactly 2048 bytes: a record",
          r.returncode == 0 and shape(recs) == [(two_k, "rec")], (r.returncode, recs))
    s = write(f"{tmp}/bad/lines.jsonl", "\n".join([jline(text="a"), jline(text="b" * 2000),
                                                   jline(text="c")]) + "\n")
    r = run("--max-bytes", "1K", s)
    recs = records(r.stdout)
    check("--max-bytes 1K on a stream: the long line is an error record, the others records",
          r.returncode == 1 and shape(recs) == [(f"{s}:1", "rec"), (f"{s}:2", "err"),
                                                (f"{s}:3", "rec")], (r.returncode, shape(recs)))
    r = run("--max-bytes", "1M", "--max-bytes", "1G", good)
    check("--max-bytes with M and G suffixes accepted", r.returncode == 0 and len(records(r.stdout)) == 1,
          r.stderr)
    for bad in ("lots", "0", "-1", "1T", "1KB", ""):
        r = run("--max-bytes", bad, good)
        check(f"--max-bytes {bad!r}: exit 2, nothing on stdout", r.returncode == 2 and not r.stdout,
              (r.returncode, r.stderr))

    nfc = write(f"{tmp}/bad/nfc.txt", unicodedata.normalize("NFC", SAMPLE))
    nfd = write(f"{tmp}/bad/nfd.txt", unicodedata.normalize("NFD", SAMPLE))
    r = run(nfc, nfd)
    recs = records(r.stdout)
    check("NFD text: the same dates (text and value) as NFC",
          r.returncode == 0 and len(recs) == 2 and dates(recs[0]) == SAMPLE_DATES and
          date_pairs(recs[0]) == date_pairs(recs[1]), [date_pairs(x) for x in recs])

    plain = write(f"{tmp}/bad/plain.txt", SAMPLE + SAMPLE.replace("18", "19"))
    bomcrlf = write(f"{tmp}/bad/bomcrlf.txt",
                    b"\xef\xbb\xbf" + (SAMPLE + SAMPLE.replace("18", "19")).replace("\n", "\r\n")
                    .encode())
    r = run(plain, bomcrlf)
    recs = records(r.stdout)
    check("a UTF-8 BOM and CRLF line ends: the same dates as without",
          r.returncode == 0 and len(recs) == 2 and dates(recs[0]) == ["2023-12-18", "2023-12-19"]
          and date_pairs(recs[0]) == date_pairs(recs[1]), [date_pairs(x) for x in recs])

    tags = write(f"{tmp}/bad/tags.html",
                 "<!DOCTYPE html><html><head><title></title><script>var d='18/12/2023'"
                 "</script></head><body><div><p></p><br><span></span><img src=x></div>"
                 "</body></html>")
    r = run(tags, good)
    recs = records(r.stdout)
    check("an HTML page of nothing but tags: a record with empty fields",
          r.returncode == 0 and shape(recs) == [(tags, "rec"), (good, "rec")] and
          recs[0]["dates"] == [] and recs[0]["title"] is None and recs[0]["warnings"] == [],
          (r.returncode, recs[:1]))


def check_directory(tmp):
    root = f"{tmp}/dir"
    a = write(f"{root}/a.txt", SAMPLE)
    z = write(f"{root}/sub/z.html", f"<p>{SAMPLE}</p>")
    notes = write(f"{root}/sub/notes.md", SAMPLE)  # read by its content: text
    bad = f"{root}/m.txt"
    if os.geteuid() == 0:
        os.symlink("nowhere.txt", bad)
        how = "as root: a dangling symlink stands for it"
    else:
        write(bad, SAMPLE)
        os.chmod(bad, 0)
        how = "chmod 000"
    self_loop = f"{root}/self.txt"
    os.symlink("self.txt", self_loop)
    dir_loop = f"{root}/sub/loop"
    os.symlink("..", dir_loop)
    r = run("-j", "2", root)
    recs = records(r.stdout)
    want = [(a, "rec"), (bad, "err"), (self_loop, "err"), (dir_loop, "err"), (notes, "rec"),
            (z, "rec")]
    check(f"a directory with an unreadable file ({how}), a file symlink loop and a directory "
          "symlink loop: error records, sorted order kept, the readable files give records",
          shape(recs) == want, shape(recs))
    check("that directory: exit 1, one 'vnextract: PATH: ...' line per unreadable entry",
          r.returncode == 1 and [l.split(": ")[1] for l in stderr_lines(r)] ==
          [bad, self_loop, dir_loop], (r.returncode, stderr_lines(r)))
    if not os.geteuid() == 0:
        os.chmod(bad, 0o644)


def check_mirror(tmp):
    """A scraped mirror as it is: pages named by their query string, in
    upper case or without an extension are read by their content; binaries
    are skipped with a line on stderr and counted; --glob and --exclude
    choose files; --text and --with-text show what was read."""
    root = f"{tmp}/mirror"
    page = ("<html><head><title>Chi bộ họp - Trường THPT</title></head><body>"
            "<ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li></ul>"
            "<h1>Chi bộ họp</h1><div class=\"content\"><p>" + SAMPLE + "</p></div>"
            "<div class=\"footer\">Giấy phép số 15/GP-BTTTT ngày 01/02/2019</div></body></html>")
    php = write(f"{root}/index.php?id=123", page)
    upper = write(f"{root}/sub/PAGE.HTM", page.replace("<html>", "  <html>"))
    bare = write(f"{root}/sub/noext", page)
    for name, data in (("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\n"), ("sub/logo.png", b"\x89PNG\r\n\x1a\n\0\0"),
                       ("form.docx", b"PK\x03\x04\x14\0"), ("img.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF")):
        os.makedirs(os.path.dirname(f"{root}/{name}"), exist_ok=True)
        with open(f"{root}/{name}", "wb") as f:
            f.write(data)
    write(f"{root}/sub/style.css", "p { color: red }")  # a page's assets: not documents
    write(f"{root}/app.js?v=2", "var a = 1;")
    r = run("--no-spans", root)
    recs = records(r.stdout)
    check("a mirror: index.php?id=123, PAGE.HTM and an extension-less page give their records "
          "(by content), in sorted order",
          r.returncode == 0 and shape(recs) == [(php, "rec"), (upper, "rec"), (bare, "rec")],
          (r.returncode, shape(recs)))
    check("a mirror: its pages are read as HTML (the headline, no footer licence)",
          all(x.get("title") == "Chi bộ họp" and dates(x) == SAMPLE_DATES and
              [d["number"] for d in x["directives"]] == ["03-HD/TU"] for x in recs), recs)
    lines = stderr_lines(r)
    check("a mirror: each binary skipped with a line on stderr, and counted at the end",
          len(lines) == 5 and all("skipped" in l for l in lines[:4]) and
          "4 binary files skipped" in lines[-1], lines)
    r = run("--no-spans", "--glob", "*.HTM", "--glob", "index.php*", root)
    check("--glob chooses a directory's files (several patterns)",
          shape(records(r.stdout)) == [(php, "rec"), (upper, "rec")] and not r.stderr,
          (shape(records(r.stdout)), r.stderr))
    r = run("--no-spans", "--exclude", "sub", "--exclude", "*.pdf", root)
    check("--exclude leaves out files and directories",
          shape(records(r.stdout)) == [(php, "rec")] and b"doc.pdf" not in r.stderr,
          (shape(records(r.stdout)), r.stderr))
    r = run(f"{root}/doc.pdf")
    check("a binary named on the command line: an error record that says why, exit 1",
          r.returncode == 1 and shape(records(r.stdout)) == [(f"{root}/doc.pdf", "err")] and
          "PDF" in records(r.stdout)[0]["error"], (r.returncode, r.stdout))
    r = run("--text", bare)
    text = r.stdout.decode()
    check("--text prints the article the reader view read: headline first, no menu or footer",
          r.returncode == 0 and text.startswith("Chi bộ họp\n") and SAMPLE.strip() in text and
          "Trang chủ" not in text and "Giấy phép" not in text, text)
    r = run("--with-text", bare)
    recs = records(r.stdout)
    ok = r.returncode == 0 and len(recs) == 1 and "text" in recs[0]
    if ok:
        t = recs[0]["text"].encode()
        ok = all(t[d["span"][0]:d["span"][1]].decode() == d["text"] for d in recs[0]["dates"])
    check("--with-text adds the text the spans index (as bytes of it)", ok, recs)


# ---- order, threads, closed stdout, progress, parallel ------------------------

def check_order(tmp, files, stream):
    outs = {}
    for j in ("1", "2", "4"):
        r = run("-j", j, stream)
        outs[j] = r
    recs = records(outs["1"].stdout)
    n = 10 * len(files)
    check(f"the corpus x10 as one JSON Lines stream: {n} records in input order, exit 0",
          outs["1"].returncode == 0 and len(recs) == n and
          [x["source"] for x in recs] == [f"{k}:{i}" for k in range(10) for i in range(len(files))],
          (outs["1"].returncode, len(recs)))
    check("the stream: -j 1, -j 2 and -j 4 give byte-identical stdout",
          all(outs[j].returncode == 0 for j in outs) and
          outs["1"].stdout == outs["2"].stdout == outs["4"].stdout,
          [(j, outs[j].returncode, len(outs[j].stdout)) for j in outs])

    args = files * 10
    outs = {j: run("-j", j, *args) for j in ("1", "2", "4")}
    recs = records(outs["1"].stdout)
    check(f"the corpus x10 as {len(args)} files: one record each, in argument order",
          outs["1"].returncode == 0 and [x.get("source") for x in recs] == args,
          (outs["1"].returncode, len(recs)))
    check("the files: -j 1, -j 2 and -j 4 give byte-identical stdout",
          all(outs[j].returncode == 0 for j in outs) and
          outs["1"].stdout == outs["2"].stdout == outs["4"].stdout,
          [(j, outs[j].returncode, len(outs[j].stdout)) for j in outs])

    # Errors mixed in: their records and stderr lines keep their places too.
    mixed = write(f"{tmp}/order/mixed.jsonl",
                  "\n".join(jline(id=f"m{i}", text=SAMPLE) if i % 7 else "not json"
                            for i in range(200)) + "\n")
    missing = f"{tmp}/order/missing.txt"
    args = [files[0], missing, mixed, files[1], missing, files[2]]
    outs = {j: run("-j", j, *args) for j in ("1", "4")}
    check("errors mixed in (missing files, bad lines): -j 1 and -j 4 give the same stdout and "
          "the same stderr, exit 1",
          outs["1"].returncode == outs["4"].returncode == 1 and
          outs["1"].stdout == outs["4"].stdout and outs["1"].stderr == outs["4"].stderr and
          len(records(outs["1"].stdout)) == 5 + 200,
          [(j, outs[j].returncode, len(records(outs[j].stdout))) for j in outs])

    for bad in ("0", "x", "257", "-1", ""):
        r = run("-j", bad, files[0])
        check(f"-j {bad!r}: exit 2, nothing on stdout", r.returncode == 2 and not r.stdout,
              (r.returncode, r.stderr))


def check_closed_stdout(stream):
    for j in ("2", "1"):
        p = subprocess.Popen([VNX, "-j", j, stream], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        first = p.stdout.readline()
        p.stdout.close()
        t0 = time.monotonic()
        try:
            _, err = p.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            _, err = p.communicate()
        took = time.monotonic() - t0
        check(f"vnextract -j {j} STREAM | head -n 1: the first record arrives",
              first.startswith(b'{"source":"0:0"'), first[:80])
        check(f"vnextract -j {j} STREAM | head -n 1: ends quickly (under 5 s)", took < 5, took)
        check(f"vnextract -j {j} STREAM | head -n 1: nothing on stderr", err == b"", err[:300])
        check(f"vnextract -j {j} STREAM | head -n 1: exit status 0", p.returncode == 0,
              p.returncode)


def slow_stdin_run(lines, stderr, extra=()):
    """Feed `lines` to vnextract's stdin over about 1.8 s (so that the run
    lasts long enough for a progress line); stderr goes to `stderr`."""
    p = subprocess.Popen([VNX, "-j", "1", "--from", "jsonl", *extra], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=stderr)
    for i, line in enumerate(lines):
        p.stdin.write(line.encode() + b"\n")
        p.stdin.flush()
        time.sleep(1.2 if i == 0 else 0.3)
    p.stdin.close()
    out = p.stdout.read()
    p.wait(timeout=30)
    return p, out


def check_progress():
    lines = [jline(id=f"p{i}", text=SAMPLE) for i in range(4)]
    p, out = slow_stdin_run(lines, subprocess.PIPE)
    err = p.stderr.read()
    check("stderr not a terminal, a run of over a second: no progress line on stderr",
          p.returncode == 0 and len(records(out)) == 4 and err == b"", (p.returncode, err[:200]))
    p, out2 = slow_stdin_run(lines, subprocess.PIPE, ("--no-progress",))
    check("--no-progress accepted: the same records, nothing on stderr",
          p.returncode == 0 and out2 == out and p.stderr.read() == b"", p.returncode)

    # With stderr a terminal: a progress line, unless --no-progress. The
    # terminal is read while the command runs.
    seen = {}
    for extra in ((), ("--no-progress",)):
        master, slave = pty.openpty()
        chunks = []

        def drain(fd=master, into=chunks):
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the other side is closed
                    return
                if not chunk:
                    return
                into.append(chunk)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        try:
            slow_stdin_run(lines, slave, extra)
        finally:
            os.close(slave)
        reader.join(timeout=5)
        os.close(master)
        seen[extra] = b"".join(chunks)
    check("stderr a terminal, a run of over a second: a progress line appears",
          b"documents" in seen[()], seen[()][:200])
    check("stderr a terminal with --no-progress: no progress line",
          seen[("--no-progress",)] == b"", seen[("--no-progress",)][:200])


def check_parallel(stream):
    if shutil.which("parallel") is None:
        print("skip GNU parallel: `parallel` is not installed")
        return
    with open(stream, "rb") as f:
        data = f.read()
    direct = run("--from", "jsonl", stdin=data)
    try:
        par = subprocess.run(["parallel", "--pipe", "--keep-order", "-N", "20",
                              VNX, "--from", "jsonl", "-j", "1"],
                             input=data, capture_output=True, timeout=400)
    except subprocess.TimeoutExpired:
        par = Timeout()
    check("GNU parallel --pipe --keep-order -N 20: the same bytes as one vnextract",
          direct.returncode == 0 and par.returncode == 0 and direct.stdout and
          par.stdout == direct.stdout,
          (direct.returncode, par.returncode, len(direct.stdout), len(par.stdout),
           par.stderr[:200]))


def check_nested(tmp, stream):
    depth = 20000  # gumbo 0.10 grows quadratically with depth: 50,000 takes 6 s
    nested = write(f"{tmp}/nested.html", "<div>" * depth + "Ngày 18/12/2023" + "</div>" * depth)
    r = run(nested, stream, timeout=120)
    recs = records(r.stdout)
    ok = r.returncode == 0 and len(recs) >= 1 and recs[0].get("source") == nested
    check(f"deeply nested HTML ({depth} levels): a record with its date, the next input read"
          + (f" ({r.seconds:.1f} s)" if r.seconds else ""),
          ok and dates(recs[0]) == SAMPLE_DATES and recs[-1].get("source", "").startswith("9:"),
          (r.returncode, recs[:1], r.stderr[:200]))


def main(argv):
    global VNX
    if len(argv) != 3:
        sys.exit(__doc__)
    VNX, repo = os.path.abspath(argv[1]), argv[2]
    t0 = time.monotonic()
    files = corpus_files(repo)
    if not files:
        sys.exit(f"no corpus under {repo}")
    with tempfile.TemporaryDirectory() as tmp:
        # The corpus x10 as one JSON Lines stream, an id ("K:I") on every line.
        stream = f"{tmp}/corpus10.jsonl"
        texts = []
        for p in files:
            with open(p, encoding="utf-8") as f:
                texts.append(f.read())
        with open(stream, "w", encoding="utf-8") as f:
            for k in range(10):
                for i, text in enumerate(texts):
                    f.write(jline(id=f"{k}:{i}", text=text) + "\n")
        # The 100 MB line, made once.
        huge_line = f"{tmp}/huge_line"
        with open(huge_line, "wb") as f:
            block = b"Ng\xc3\xa0y 18/12/2023 chi b\xe1\xbb\x99 h\xe1\xbb\x8dp. " * 32768
            while f.tell() < 100 << 20:
                f.write(block)

        check_formats(tmp)
        check_jsonl(tmp)
        check_encodings(tmp)
        check_bad_inputs(tmp, huge_line)
        check_directory(tmp)
        check_mirror(tmp)
        check_order(tmp, files, stream)
        check_closed_stdout(stream)
        check_progress()
        check_parallel(stream)
        check_nested(tmp, stream)

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed ({time.monotonic() - t0:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
