#!/usr/bin/env python3
"""The command out of memory: with the chaos shim preloaded (tests/chaos/
shim.c), the Nth allocation of the process fails, for N = 1, 1 + STRIDE, ...
up to the number of allocations one run makes. Every run must end with
exit 0 and the very output of a run without failure, or with exit 1 and
whole JSON lines on stdout, each the record of its document or an error
record ({"source", "error"}), and a message on stderr: never a crash, a hang,
a line that is not JSON, or exit 0 with other output.

usage: chaos_cli.py [--stride S] [--last K] VNEXTRACT SHIM.so INPUT... [-- OPTION...]
  --last K  only the last K allocations (what the documents cost, past the
            making of the extractor)
"""
import json
import os
import subprocess
import sys
import tempfile


def run(vnx, shim, inputs, options, env_extra):
    env = dict(os.environ, LD_PRELOAD=shim, **env_extra)
    return subprocess.run([vnx, "-j", "1", "--no-progress", *options, *inputs],
                          capture_output=True, env=env, timeout=120)


def judge(r, want):
    """None when the run is acceptable, else why not."""
    if r.returncode == 0:
        return None if r.stdout == want.stdout else "exit 0 with other output"
    if r.returncode < 0:
        return f"killed by signal {-r.returncode}"
    if r.returncode != 1:
        return f"exit {r.returncode}"
    if r.stdout and not r.stdout.endswith(b"\n"):
        return "a cut line on stdout"
    good = set(want.stdout.splitlines())
    for line in r.stdout.splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            return f"a line that is not JSON: {line[:80]!r}"
        if line not in good and set(rec) != {"source", "error"}:
            return f"a record that is neither the same nor an error: {line[:80]!r}"
    if not r.stderr:
        return "exit 1 and nothing said on stderr"
    return None


def main(argv):
    stride, last = 1, None
    while len(argv) > 2 and argv[1] in ("--stride", "--last"):
        if argv[1] == "--stride":
            stride = int(argv[2])
        else:
            last = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) < 4:
        sys.exit(__doc__)
    vnx, shim, rest = argv[1], argv[2], argv[3:]
    options = rest[rest.index("--") + 1:] if "--" in rest else []
    inputs = rest[:rest.index("--")] if "--" in rest else rest
    with tempfile.TemporaryDirectory() as tmp:
        count = os.path.join(tmp, "count")
        want = run(vnx, shim, inputs, options, {"VNX_CHAOS_COUNT": count})
        if want.returncode != 0:
            sys.exit(f"chaos_cli: the run without failure ends with {want.returncode}")
        total = int(open(count).read())
    bad = same = failed = 0
    first = max(1, total - last + 1) if last else 1
    for n in range(first, total + 1, stride):
        try:
            r = run(vnx, shim, inputs, options, {"VNX_CHAOS_FAIL": str(n)})
        except subprocess.TimeoutExpired:
            print(f"allocation {n} of {total} failing: the run hangs")
            bad += 1
            continue
        why = judge(r, want)
        same += r.returncode == 0
        failed += r.returncode == 1
        if why:
            bad += 1
            print(f"allocation {n} of {total} failing: {why}")
    print(f"chaos_cli {' '.join(inputs)}: {total} allocations, stride {stride}: {same} same "
          f"output, {failed} clean failures (exit 1), {bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
