#!/usr/bin/env python3
"""The progress line: on a terminal only, and it moves, with -j 1 as with -j 2.

usage: progress_test.py VNEXTRACT REPO_DIR

Runs vnextract over a directory of copies of corpus/ articles with its
standard error on a pseudo-terminal, and reads the progress lines it draws
("vnextract: N of M documents, X MB/s, m:ss left"): with -j 1 and -j 2 the
count of documents grows. Without a terminal, or with --no-progress, there
is none. The directory grows until a run takes over the second after which
the line appears.
"""
import glob
import os
import pty
import re
import subprocess
import sys
import tempfile
import time

results = []
LINE = re.compile(rb"\r\x1b\[Kvnextract: (\d+) of (\d+) documents, ([\d.]+) MB/s(, \d+:\d\d left)?")


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def run_on_terminal(args):
    """Run with stderr on a pseudo-terminal; (exit status, stderr bytes, seconds)."""
    master, slave = pty.openpty()
    start = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(), out, time.monotonic() - start


def fill(tree, articles, count):
    os.makedirs(tree, exist_ok=True)
    have = len(os.listdir(tree))
    for i in range(have, count):
        with open(os.path.join(tree, f"{i:06d}.txt"), "wb") as f:
            f.write(articles[i % len(articles)])


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx, repo = argv[1], argv[2]
    articles = []
    for path in sorted(glob.glob(os.path.join(repo, "corpus", "*.txt"))):
        with open(path, "rb") as f:
            articles.append(f.read())
    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "tree")
        count = 1000
        for jobs in ("1", "2"):
            while True:
                fill(tree, articles, count)
                rc, err, secs = run_on_terminal([vnx, "-j", jobs, tree])
                if secs > 1.8 or count >= 64000:
                    break
                # enough files for about 2.5 s: two lines at least (after 1 s, every 0.5 s)
                count = min(64000, int(count * 2.5 / max(secs, 0.1)) + 1)
            lines = LINE.findall(err)
            done = [int(n) for n, *_ in lines]
            check(f"-j {jobs}: exit 0", rc == 0, rc)
            check(f"-j {jobs}: progress lines on the terminal ({secs:.1f} s, {count} files)",
                  len(lines) >= 2, err[-300:])
            check(f"-j {jobs}: the count of documents moves, never back",
                  len(set(done)) >= 2 and done == sorted(done) and done[-1] > 0, done)
            check(f"-j {jobs}: out of the number of files, at some MB/s, with the time left",
                  all(int(t) == count for _, t, *_ in lines) and
                  any(float(m) > 0 and left for _, _, m, left in lines), lines[:3])
            check(f"-j {jobs}: the line is cleared at the end", err.endswith(b"\r\x1b[K"),
                  err[-40:])
        r = subprocess.run([vnx, "-j", "1", tree], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=600)
        check("no terminal: no progress line", r.returncode == 0 and r.stderr == b"",
              r.stderr[:200])
        rc, err, _ = run_on_terminal([vnx, "-j", "1", "--no-progress", tree])
        check("--no-progress on a terminal: no progress line", rc == 0 and err == b"", err[:200])

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
