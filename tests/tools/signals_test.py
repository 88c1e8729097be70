#!/usr/bin/env python3
"""SIGINT, SIGTERM and SIGHUP stop a run cleanly: no more input is read, the
records begun are written whole, the --html page is closed, and the exit
status is 130, 143 or 129. A 20,000-record JSON Lines batch with -j 2 is
signalled at random times (two trials of each signal): every line of
stdout must be a whole record, and the lines the very first ones of the
run that was not stopped. Then a run blocked reading a pipe that stays
open must stop at once on a signal, its lines read so far all answered.

usage: signals_test.py VNEXTRACT
"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

results = []
RECORDS = 20000
TRIALS = 2  # of each signal (each costs up to half a run: the ASan pass is slow)


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def line(i):
    return json.dumps({"id": i, "text": f"Ngày {i % 28 + 1}/12/2023, Chi bộ tổ chức hội nghị kiểm "
                       f"điểm theo Quy định số 124-QĐ/TW. Đồng chí Nguyễn Văn An – Bí thư Chi bộ "
                       f"chủ trì. Có {i % 40:02d} đ/c xếp loại Hoàn thành tốt nhiệm vụ."},
                      ensure_ascii=False) + "\n"


def whole_prefix(out, want):
    """None when `out` is whole lines, each a record, the first of `want`; else why not."""
    if out and not out.endswith(b"\n"):
        return f"a cut last line: {out[-60:]!r}"
    lines = out.splitlines()
    for k, got in enumerate(lines):
        try:
            json.loads(got)
        except ValueError:
            return f"line {k + 1} is not JSON: {got[:60]!r}"
        if k >= len(want) or got != want[k]:
            return f"line {k + 1} is not the record of input line {k + 1}"
    return None


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    vnx = argv[1]
    rng = random.Random(19)
    with tempfile.TemporaryDirectory() as tmp:
        stream = os.path.join(tmp, "batch.jsonl")
        with open(stream, "w", encoding="utf-8") as f:
            f.writelines(line(i) for i in range(RECORDS))
        args = [vnx, "--no-progress", "-j", "2", stream]
        t0 = time.monotonic()
        full = subprocess.run(args, capture_output=True, timeout=600)
        took = time.monotonic() - t0
        want = full.stdout.splitlines()
        check("the batch without a signal: every record", full.returncode == 0 and
              len(want) == RECORDS, (full.returncode, len(want)))

        stopped = 0
        for sig, status in ((signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)):
            for trial in range(TRIALS):
                page = os.path.join(tmp, f"review-{sig.name}-{trial}.html")
                extra = ["--html", page] if trial == 0 else []
                with open(os.path.join(tmp, "out"), "w+b") as out:
                    p = subprocess.Popen(args[:1] + extra + args[1:], stdout=out,
                                         stderr=subprocess.PIPE)
                    delay = rng.uniform(0.03, 0.5) * took
                    time.sleep(delay)
                    p.send_signal(sig)
                    err = p.communicate(timeout=600)[1]
                    out.seek(0)
                    got = out.read()
                name = f"{sig.name} after {delay:.2f} s (trial {trial + 1})"
                if p.returncode == 0:  # it ended before the signal: only the output is checked
                    check(f"{name}: the run had ended, every record", got == full.stdout)
                    continue
                stopped += 1
                n = got.count(b"\n")
                check(f"{name}: exit {status}", p.returncode == status, (p.returncode, err))
                why = whole_prefix(got, want)
                check(f"{name}: {n} lines, each a whole record, in order", why is None, why)
                check(f"{name}: said on stderr", f"stopped by {sig.name}".encode() in err, err)
                if extra:
                    with open(page, encoding="utf-8") as f:
                        html = f.read()
                    check(f"{name}: the --html page is whole",
                          html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>"))
        check("most trials were stopped by their signal", stopped >= 2 * TRIALS - 1, stopped)

        # A pipe that stays open: the reader is blocked in read(2).
        p = subprocess.Popen([vnx, "--no-progress", "-j", "2", "--from", "jsonl"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdin.write("".join(line(i) for i in range(50)).encode())
        p.stdin.flush()
        time.sleep(0.5 + took / 10)
        p.send_signal(signal.SIGTERM)
        try:
            out, err = p.communicate(timeout=30)
            check("a blocked read of a pipe: SIGTERM ends it, exit 143, the 50 lines answered",
                  p.returncode == 143 and whole_prefix(out, want) is None and
                  out.count(b"\n") == 50, (p.returncode, out.count(b"\n"), err))
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            check("a blocked read of a pipe: SIGTERM ends it", False, "still running after 30 s")

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
