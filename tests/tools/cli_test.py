#!/usr/bin/env python3
"""The vnextract command: exit codes, errors on stderr, every input emitted.

usage: cli_test.py VNEXTRACT REPO_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

SAMPLE = "Sáng ngày 18/12/2023, Chi bộ tổ chức hội nghị theo Hướng dẫn số 03-HD/TU.\n"
results = []


def run(binary, *args, stdin=None):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, timeout=30)


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def records(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx, repo = argv[1], argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "a.txt")
        with open(good, "w", encoding="utf-8") as f:
            f.write(SAMPLE)

        r = run(vnx, good)
        recs = records(r.stdout)
        check("one file gives one record", r.returncode == 0 and len(recs) == 1, r.stderr)
        check("source is the path", recs and recs[0]["source"] == good)
        check("the date is found", recs and [d["value"] for d in recs[0]["dates"]] == ["2023-12-18"])

        missing = os.path.join(tmp, "missing.txt")
        r = run(vnx, missing, good)
        check("a missing file: exit 1", r.returncode == 1, r.returncode)
        check("a missing file: reported as 'vnextract: FILE: reason'",
              r.stderr.decode().startswith(f"vnextract: {missing}: "), r.stderr)
        recs = records(r.stdout)
        check("a missing file: an error record, then the other input",
              len(recs) == 2 and recs[0]["source"] == missing and "error" in recs[0]
              and recs[1]["source"] == good, recs)

        r = run(vnx, "--no-such-option", good)
        check("unknown option: exit 2", r.returncode == 2 and not r.stdout, r.returncode)
        r = run(vnx, "--patterns")
        check("--patterns without a directory: exit 2", r.returncode == 2)

        # getopt_long: values in every spelling, options after inputs, "--".
        base = run(vnx, good).stdout
        for args in (["-j4", good], ["-j", "4", good], ["--jobs=2", good], ["--jobs", "2", good],
                     [good, "-j", "1"], ["--from=text", good], ["--", good]):
            r = run(vnx, *args)
            check(f"{' '.join(args).replace(good, 'FILE')}: the same record",
                  r.returncode == 0 and r.stdout == base, r.stderr)
        r = run(vnx, "--pretty", good, "--no-spans")
        check("options after an input still apply",
              r.returncode == 0 and r.stdout.count(b"\n") > 5 and b'"span"' not in r.stdout)
        dashed = os.path.join(tmp, "-x.txt")
        with open(dashed, "w", encoding="utf-8") as f:
            f.write(SAMPLE)
        r = subprocess.run([os.path.abspath(vnx), "--", "-x.txt"], cwd=tmp, capture_output=True, timeout=30)
        check("after --, an argument that begins with - is an input",
              r.returncode == 0 and records(r.stdout)[0]["source"] == "-x.txt", r.stderr)
        r = run(vnx, "-j", good)
        check("-j FILE: not a number of threads, exit 2",
              r.returncode == 2 and b"-j takes a number" in r.stderr, r.stderr)
        for args, msg in ((["-x"], b"unknown option '-x'"), (["-j"], b"a value must follow '-j'"),
                          (["--jobs"], b"a value must follow '--jobs'"),
                          (["--pretty=1"], b"takes no value"), (["--no"], b"ambiguous"),
                          (["--from=xml"], b"--from takes auto, text, html or jsonl")):
            r = run(vnx, good, *args)
            check(f"{args[0]}: exit 2, {msg.decode()}",
                  r.returncode == 2 and not r.stdout and msg in r.stderr, r.stderr)

        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full:
                r = subprocess.run([vnx, good], stdout=full, stderr=subprocess.PIPE, timeout=30)
            check("stdout cannot be written (a full disk): exit 4, the reason on stderr",
                  r.returncode == 4 and b"write error" in r.stderr, (r.returncode, r.stderr))

        r = run(vnx, "--help")
        check("--help: exit 0 with usage", r.returncode == 0 and b"Usage: vnextract" in r.stdout)
        check("--help: the exit statuses", b"\nExit status:\n  0 " in r.stdout and
              b"\n  4 " in r.stdout, r.stdout)
        r = run(vnx, "--version")
        check("--version names library and patterns",
              r.returncode == 0 and b"vnextract " in r.stdout and b"patterns " in r.stdout)

        r = run(vnx, stdin=SAMPLE.encode())
        recs = records(r.stdout)
        check("no argument reads stdin", r.returncode == 0 and len(recs) == 1 and recs[0]["source"] == "-")
        r = run(vnx, "-", stdin=SAMPLE.encode())
        check("'-' reads stdin", r.returncode == 0 and len(records(r.stdout)) == 1)

        r = run(vnx, "--pretty", good)
        check("--pretty: one record over several lines",
              r.returncode == 0 and r.stdout.count(b"\n") > 5 and json.loads(r.stdout))

        r = run(vnx, "--fields", "directives,dates", good)
        recs = records(r.stdout)
        check("--fields: only those fields and the source, in the record's order",
              r.returncode == 0 and len(recs) == 1 and
              list(recs[0]) == ["source", "dates", "directives"], recs)
        r = run(vnx, "--fields=officials", "--no-spans", good)
        check("--fields=LIST works too", r.returncode == 0 and
              list(records(r.stdout)[0]) == ["source", "officials"])
        # --fields runs only the extractors its fields need (and those they
        # read: event reads directives and dates): each field is what the
        # full record holds, over the project's corpus.
        pages = sorted(os.path.join(repo, "corpus", n) for n in os.listdir(os.path.join(repo, "corpus"))
                       if n.endswith(".txt"))
        full = records(run(vnx, "-j", "2", *pages).stdout)
        for fields in ["title", "event", "author", "dates", "directives", "officials", "tallies",
                       "attendance", "dates,warnings", "event,officials"]:
            want = [{k: v for k, v in rec.items() if k == "source" or k in fields.split(",")}
                    for rec in full]
            got = records(run(vnx, "-j", "2", "--fields", fields, *pages).stdout)
            check(f"--fields {fields}: as in the full record", got == want and len(got) == len(pages))
        r = run(vnx, "--fields", "dates,colour", good)
        check("--fields with an unknown field: exit 2, the valid names listed",
              r.returncode == 2 and not r.stdout and b"'colour'" in r.stderr and
              b"title,event,dates,directives,officials,tallies,attendance,author,warnings"
              in r.stderr, r.stderr)
        r = run(vnx, "--fields", "dates,", good)
        check("--fields with an empty name: exit 2", r.returncode == 2 and not r.stdout)
        r = run(vnx, "--fields")
        check("--fields without a list: exit 2", r.returncode == 2)

        page = os.path.join(tmp, "review.html")
        r = run(vnx, "--html", page, good)
        with open(page, encoding="utf-8") as f:
            html = f.read()
        check("--html: the page is written and the records still emitted",
              r.returncode == 0 and len(records(r.stdout)) == 1 and
              html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>") and
              'id="index"' in html and 'data-kind="detail"' in html, r.stderr)
        nowhere = os.path.join(tmp, "no-such-dir", "review.html")
        r = run(vnx, "--html", nowhere, good)
        check("--html into a missing directory: exit 4, 'vnextract: FILE: reason'",
              r.returncode == 4 and r.stderr.decode().startswith(f"vnextract: {nowhere}: "),
              r.stderr)
        r = run(vnx, "--html")
        check("--html without a file: exit 2", r.returncode == 2)

        tree = os.path.join(tmp, "tree")
        os.makedirs(os.path.join(tree, "b", "c"))
        for rel in ("b/c/z.txt", "a.html", "b/y.htm", "skip.json", "b/x.txt"):
            with open(os.path.join(tree, rel), "w", encoding="utf-8") as f:
                f.write(SAMPLE)
        os.symlink(tree, os.path.join(tree, "b", "loop"))
        r = run(vnx, tree)
        names = [os.path.relpath(x["source"], tree) for x in records(r.stdout)]
        check("a directory: its documents in sorted order, the loop as an error record",
              names == ["a.html", "b/c/z.txt", "b/loop", "b/x.txt", "b/y.htm"], names)
        check("a directory: a symlink loop is reported, not followed forever",
              r.returncode == 1 and b"loop" in r.stderr, r.stderr)
        # Sources as given: the directory's spelling, then the names, one slash between.
        for arg, want in ((tree + "/", tree + "/a.html"), (tree, tree + "/a.html"),
                          ("tree/", "tree/a.html"), ("./tree/b/", "./tree/b/c/z.txt")):
            r = subprocess.run([os.path.abspath(vnx), "--no-spans", arg], cwd=tmp,
                               capture_output=True, timeout=30)
            got = [x["source"] for x in records(r.stdout)]
            check(f"a directory given as {arg.replace(tmp, 'TMP')!r}: sources as given",
                  want in got and not any("//" in g for g in got), got)

        bad = os.path.join(tmp, "bad.txt")
        with open(bad, "wb") as f:
            f.write(b"ng\xc3\xa0y 18/12/2023 \xff\xfe end\n")
        r = run(vnx, bad)
        recs = records(r.stdout)
        check("invalid UTF-8: a record with warnings, exit 0",
              r.returncode == 0 and len(recs) == 1 and
              recs[0]["warnings"][:1] == ["invalid UTF-8 at byte 17"], recs)

        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        r = run(vnx, empty)
        recs = records(r.stdout)
        check("an empty file: an empty record", r.returncode == 0 and len(recs) == 1 and
              recs[0]["dates"] == [] and recs[0]["event"] == {"type": None, "date": None,
                                                              "organization": None})

        pdir = os.path.join(tmp, "patterns")
        os.makedirs(pdir)
        with open(os.path.join(pdir, "dates.pcre"), "w", encoding="utf-8") as f:
            f.write("# a broken set\n\n@pattern broken\n  (?<day>\\d+\n")
        r = run(vnx, "--patterns", pdir, good)
        check("a broken pattern set: exit 2, file and line named",
              r.returncode == 2 and b"dates.pcre:3:" in r.stderr, r.stderr)

        r = run(vnx, "--patterns", os.path.join(repo, "patterns"), good)
        base = run(vnx, good)
        check("--patterns with the repo's set gives the built-in output",
              r.returncode == 0 and r.stdout == base.stdout)

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
