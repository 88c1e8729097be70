#!/usr/bin/env python3
"""vnextract in pipelines: a coprocess (--line-buffered) and --errors.

usage: pipeline_test.py VNEXTRACT REPO_DIR

- --line-buffered: a coprocess sends one JSON line and reads its record back
  before it sends the next (with -j 1 and -j 2, with --from jsonl and with
  the format sniffed from standard input), the pipe left open;
- --errors record|stderr|none: where a failed input is told; with stderr the
  README's jq recipes run over a batch with a bad file in it.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile

SAMPLE = "Sáng ngày 18/12/2023, Chi bộ tổ chức hội nghị theo Hướng dẫn số 03-HD/TU.\n"
results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def records(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def read_line(fd, timeout):
    """One line from `fd`, or None when none comes within `timeout` seconds."""
    buf = b""
    while not buf.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        chunk = os.read(fd, 1)
        if not chunk:
            return None
        buf += chunk
    return buf


def coprocess(vnx, args, name):
    """Send lines one at a time, each record read back before the next line."""
    p = subprocess.Popen([vnx, "--line-buffered", *args], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    got = []
    try:
        for i in range(3):
            p.stdin.write((json.dumps({"id": f"doc{i}", "text": SAMPLE}) + "\n").encode())
            p.stdin.flush()
            line = read_line(p.stdout.fileno(), 20)
            got.append(json.loads(line)["source"] if line else None)
        p.stdin.close()
        rest = p.stdout.read()
        rc = p.wait(timeout=20)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    check(f"{name}: each record comes back before the next line is sent",
          got == ["doc0", "doc1", "doc2"], got)
    check(f"{name}: the end of input ends the run, exit 0", rc == 0 and rest == b"", (rc, rest))


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx = argv[1]
    coprocess(vnx, ["--from", "jsonl", "-j", "1"], "--from jsonl -j 1")
    coprocess(vnx, ["--from", "jsonl", "-j", "2"], "--from jsonl -j 2")
    coprocess(vnx, ["-j", "2"], "stdin sniffed as JSON Lines, -j 2")
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "a.txt")
        with open(good, "w", encoding="utf-8") as f:
            f.write(SAMPLE)
        missing = os.path.join(tmp, "missing.txt")
        stream = os.path.join(tmp, "s.jsonl")
        with open(stream, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "ok", "text": SAMPLE}) + "\n{not json\n")

        # Without --line-buffered the records still all come out.
        r = subprocess.run([vnx, good, missing, stream], capture_output=True, timeout=60)
        base = r.stdout
        for mode, want_sources, stderr_lines in (
                ("record", [good, missing, "ok", f"{stream}:2"], 2),
                ("stderr", [good, "ok"], 2), ("none", [good, "ok"], 0)):
            r = subprocess.run([vnx, "--errors", mode, good, missing, stream],
                               capture_output=True, timeout=60)
            recs = records(r.stdout)
            check(f"--errors {mode}: exit 1", r.returncode == 1, r.returncode)
            check(f"--errors {mode}: the records on stdout",
                  [x["source"] for x in recs] == want_sources, [x["source"] for x in recs])
            lines = r.stderr.decode().splitlines()
            check(f"--errors {mode}: {stderr_lines} lines on stderr",
                  len(lines) == stderr_lines and all(l.startswith("vnextract: ") for l in lines),
                  lines)
            if mode == "record":
                check("--errors record is the default", r.stdout == base)
        r = subprocess.run([vnx, "--errors", "stderr", "--line-buffered", good],
                           capture_output=True, timeout=60)
        check("--errors stderr, every input good: exit 0, the same records",
              r.returncode == 0 and records(r.stdout)[0]["source"] == good, r.stderr)
        r = subprocess.run([vnx, "--errors", "quiet", good], capture_output=True, timeout=60)
        check("--errors quiet: exit 2, the modes named",
              r.returncode == 2 and b"record, stderr or none" in r.stderr and not r.stdout,
              r.stderr)

        jq = shutil.which("jq")
        if jq:
            recipe = ['.directives[] | "\\(.type) \\(.number)"', ".dates[].value"]
            for expr in recipe:
                for errors, want_rc in (("record", 5), ("stderr", 0)):
                    v = subprocess.run([vnx, "--errors", errors, good, missing],
                                       capture_output=True, timeout=60)
                    q = subprocess.run([jq, "-r", expr], input=v.stdout, capture_output=True,
                                       timeout=60)
                    ok = q.returncode == 0 if want_rc == 0 else q.returncode != 0
                    check(f"jq -r '{expr}' over a batch with a missing file, --errors {errors}: "
                          f"{'works' if want_rc == 0 else 'fails (why the option exists)'}",
                          ok and (want_rc != 0 or q.stdout.strip()), (q.returncode, q.stderr))
        else:
            print("skip the jq recipes: jq is not installed (scripts/install-deps.sh installs it)")

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
