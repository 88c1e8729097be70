#!/usr/bin/env python3
"""Outputs never clobber inputs, and the small output defects of issue 19:

- the --html page is written to a temporary file beside it and renamed
  when whole (the old page stays until then; its mode and a symbolic link
  to it are kept);
- a page that is also an input (the same name, a hard link, standard
  input, a file of a directory read) is refused with exit 2, the input
  untouched;
- `--html -` is a usage error (stdout holds the records), no file named -;
- `--html /dev/full` says its error once, not once per document;
- `--from jsonl /dev/zero` ends with the size error text input gives (a
  line with no end is not read forever), and a long line is skipped with
  the lines after it read.

usage: outputs_test.py VNEXTRACT
"""
import json
import os
import stat
import subprocess
import sys
import tempfile

SAMPLE = "Sáng ngày 18/12/2023, Chi bộ tổ chức hội nghị theo Hướng dẫn số 03-HD/TU.\n"
results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def run(vnx, *args, stdin=None, cwd=None, timeout=60):
    return subprocess.run([vnx, "--no-progress", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=timeout)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    return path


def is_page(data):
    return data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    vnx = os.path.abspath(argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        doc = write(os.path.join(tmp, "a.txt"), SAMPLE)
        text = read(doc)

        # A page that is also an input is refused, by device and inode.
        for args, name in (([doc, doc], "the same name"),
                           ([os.path.join(tmp, ".", "a.txt"), doc], "another spelling")):
            r = run(vnx, "--html", *args)
            check(f"--html FILE with FILE an input ({name}): exit 2, nothing written, "
                  "the input intact", r.returncode == 2 and not r.stdout and
                  read(doc) == text and b"refused" in r.stderr, (r.returncode, r.stderr))
        link = os.path.join(tmp, "hard.txt")
        os.link(doc, link)
        r = run(vnx, "--html", link, doc)
        check("--html a hard link of an input: exit 2, the input intact",
              r.returncode == 2 and read(doc) == text, (r.returncode, r.stderr))
        with open(doc, "rb") as f:
            r = subprocess.run([vnx, "--no-progress", "--html", doc, "-"], stdin=f,
                               capture_output=True, timeout=60)
        check("--html FILE with FILE as standard input: exit 2",
              r.returncode == 2 and read(doc) == text, (r.returncode, r.stderr))
        tree = os.path.join(tmp, "tree")
        os.makedirs(tree)
        old = write(os.path.join(tree, "review.html"), "<p>Ngày 18/12/2023</p>")
        r = run(vnx, "--html", old, tree)
        check("--html FILE with FILE in a directory read: exit 2, FILE intact",
              r.returncode == 2 and read(old) == "<p>Ngày 18/12/2023</p>".encode(), (r.returncode, r.stderr))

        # --html -: a usage error, no file named "-".
        r = run(vnx, "--html", "-", doc, cwd=tmp)
        check("--html -: exit 2, no file named -", r.returncode == 2 and not r.stdout and
              not os.path.exists(os.path.join(tmp, "-")), (r.returncode, r.stderr))
        same = os.path.join(tmp, "out.jsonl")
        with open(same, "wb") as out:
            r = subprocess.run([vnx, "--html", same, doc], stdout=out, stderr=subprocess.PIPE,
                               timeout=60)
        check("--html FILE > FILE (the page would be stdout): exit 2",
              r.returncode == 2 and b"standard output" in r.stderr, (r.returncode, r.stderr))
        r = run(vnx, "--html", "./-", doc, cwd=tmp)
        check("--html ./-: a page named - is still possible",
              r.returncode == 0 and is_page(read(os.path.join(tmp, "-"))), r.stderr)

        # The page is written beside, and renamed when whole.
        page = write(os.path.join(tmp, "review.html"), "the old page")
        os.chmod(page, 0o640)
        p = subprocess.Popen([vnx, "--no-progress", "--line-buffered", "--html", page,
                              "--from", "jsonl", "-"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdin.write(json.dumps({"id": "x", "text": SAMPLE}).encode() + b"\n")
        p.stdin.flush()
        first = p.stdout.readline()  # the record is out: the page is open
        during = read(page)
        temps = [n for n in os.listdir(tmp) if n.startswith(".review.html.")]
        out, err = p.communicate(b"", timeout=60)
        check("the record of the first line came", b'"source":"x"' in first, first)
        check("while the run goes on, the old page is there and the new one is a "
              "temporary file beside it", during == b"the old page" and len(temps) == 1,
              (during[:40], temps))
        check("at the end the page is the new one, no temporary file left",
              p.returncode == 0 and is_page(read(page)) and
              not [n for n in os.listdir(tmp) if n.startswith(".review.html.")], err)
        check("the page keeps the mode of the one it replaces",
              stat.S_IMODE(os.stat(page).st_mode) == 0o640, oct(os.stat(page).st_mode))
        target = write(os.path.join(tmp, "target.html"), "old")
        symlink = os.path.join(tmp, "link.html")
        os.symlink(target, symlink)
        r = run(vnx, "--html", symlink, doc)
        check("--html through a symbolic link: the link kept, its target the page",
              r.returncode == 0 and os.path.islink(symlink) and is_page(read(target)), r.stderr)
        r = run(vnx, "--html", os.path.join(tmp, "no-such-dir", "p.html"), doc)
        check("--html into a missing directory: exit 4, no input read",
              r.returncode == 4 and not r.stdout, (r.returncode, r.stderr))

        # /dev/full: one message, not one per document.
        if os.path.exists("/dev/full"):
            docs = [write(os.path.join(tmp, f"d{i}.txt"), SAMPLE) for i in range(5)]
            r = run(vnx, "--html", "/dev/full", *docs)
            check("--html /dev/full: exit 4, the error said once, the records still written",
                  r.returncode == 4 and r.stderr.count(b"No space left") == 1 and
                  r.stdout.count(b"\n") == 5, (r.returncode, r.stderr))

        # JSON Lines: a line with no end is not read forever.
        if os.path.exists("/dev/zero"):
            try:
                r = run(vnx, "--from", "jsonl", "--max-bytes", "1M", "/dev/zero", timeout=60)
                recs = [json.loads(x) for x in r.stdout.splitlines()]
                check("--from jsonl /dev/zero: exit 1, one error record, the size error",
                      r.returncode == 1 and len(recs) == 1 and
                      "larger than --max-bytes" in recs[0].get("error", ""), (r.returncode, recs))
            except subprocess.TimeoutExpired:
                check("--from jsonl /dev/zero ends", False, "still reading after 60 s")
        good = json.dumps({"id": "after", "text": SAMPLE})
        stream = write(os.path.join(tmp, "s.jsonl"),
                       '{"id": "long", "text": "' + "x" * 5000 + '"}\n' + good + "\n")
        r = run(vnx, "--max-bytes", "1K", stream)
        recs = [json.loads(x) for x in r.stdout.splitlines()]
        check("a line over --max-bytes: an error record, and the next line read",
              r.returncode == 1 and len(recs) == 2 and "error" in recs[0] and
              recs[1]["source"] == "after", recs)

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
