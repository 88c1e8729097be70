#!/usr/bin/env python3
"""Growth: a hostile page costs time in proportion to its length.

Each case builds a document of size N and one of size 4N and runs the CLI
over both; the CPU time of the larger (less that of an empty document, the
start-up) must be under 6 times that of the smaller, as cmark's
pathological tests ask. A ratio, not a wall-clock bar: it holds on a slow
or busy machine, and a cost growing with the square of the input gives 16.
Each time is the least of a few runs (CPU time of the child, from
getrusage), and a case just over the bar is measured again before it fails,
at four times the size: a cost that grows with the square of the input
gives 16 at any size, while a document that fits a cache at N and not at 4N
(an ASan build's shadow memory doubles the bytes touched) gives a ratio
over 6 at one size only.

usage: growth.py [--scale F] VNEXTRACT [CASE...]
  --scale F  sizes times F (to see an old build fail in reasonable time)
"""
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile

RATIO = 6.0
RUNS = 3

SYLLABLES = ("An Bình Cường Dũng Đức Giang Hà Hải Hùng Hương Khánh Lan Long Minh Nam Nga "
             "Ngọc Phong Phúc Quang Sơn Tâm Thanh Thảo Thắng Thủy Tuấn Vân Việt Xuân Yến "
             "Bảo Chi Duy Hiếu Hoa Kiên Linh Mai Đạt").split()


def distinct_names(n):
    """n persons, each named once: every name looked up among those before."""
    names = itertools.islice(itertools.product(SYLLABLES, repeat=3), n)
    return "".join(f"Đồng chí Nguyễn {a} {b} {c} phát biểu ý kiến tại hội nghị.\n"
                   for a, b, c in names)


def roles_of_one(n):
    """One person with n distinct roles: every role compared with those before."""
    return "".join(f"Đồng chí Nguyễn Văn An – Bí thư Chi bộ thôn {i} xã Hòa Phong.\n"
                   for i in range(n))


def distinct_tallies(n):
    """n distinct tallies and attendance figures: each checked against those before."""
    return "".join(f"Năm qua có {i} đảng viên hoàn thành tốt nhiệm vụ. "
                   f"Hội nghị có {i} đảng viên tham dự.\n" for i in range(1, n + 1))


# HTML whose parse (gumbo's tree builder walks its stack of open elements
# and its formatting elements at every tag, and compares each attribute of
# a tag with those before) grew with the square of the page.
HTML = {
    "html_nested_divs": (lambda n: "<div>" * n + "x", 400_000),
    "html_attributes_of_one_tag": (
        lambda n: "<div " + " ".join(f"a{i}=1" for i in range(n)) + ">x</div>", 400_000),
    "html_nested_formatting": (lambda n: "".join(f"<b id={i}>" for i in range(n)) + "x", 400_000),
    "html_attributes_of_bodies": (lambda n: "".join(f"<body a{i}=1>" for i in range(n)), 50_000),
    "html_misnested_formatting": (lambda n: "<b><div></b>x " * n, 25_000),
    "html_formatting_in_blocks": (
        lambda n: "".join(f"<b id={i}><div>" for i in range(n)) + "x", 200_000),
    "html_formatting_left_open": (lambda n: "".join(f"<b id={i}><p>x</p>" for i in range(n)), 20_000),
}

# name: (builder, N, file suffix); N is the smaller size (the larger is 4N).
CASES = {
    "officials_distinct_names": (distinct_names, 16_000, ".txt"),
    "officials_roles_of_one": (roles_of_one, 2_000, ".txt"),
    "tallies_and_attendance_distinct": (distinct_tallies, 16_000, ".txt"),
    **{name: (build, n, ".html") for name, (build, n) in HTML.items()},
}


def cpu_time(vnextract, path):
    """CPU seconds of one run of the CLI over `path` (the least of RUNS)."""
    best = None
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        # --max-bytes: a case measured again at 4N may be over the default 32M.
        out = subprocess.run([vnextract, "--max-bytes", "1G", path], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if out.returncode != 0:
            raise RuntimeError(f"{os.path.basename(path)}: exit {out.returncode}")
        json.loads(out.stdout)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = t if best is None else min(best, t)
    return best


def measure(vnextract, tmp, name, build, n, suffix, start_up):
    times = []
    for size in (n, 4 * n):
        path = os.path.join(tmp, f"{name}_{size}{suffix}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(build(size))
        times.append(max(cpu_time(vnextract, path) - start_up, 0.001))
    return times


def main(argv):
    scale = 1.0
    if len(argv) > 2 and argv[1] == "--scale":
        scale = float(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) < 2:
        sys.exit(__doc__)
    names = argv[2:] or list(CASES)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        start_up = cpu_time(argv[1], empty)
        for name in names:
            build, n, suffix = CASES[name]
            n = max(1, int(n * scale))
            small, large = measure(argv[1], tmp, name, build, n, suffix, start_up)
            if RATIO <= large / small < 2 * RATIO:  # a busy machine or a cache: once more
                small, large = measure(argv[1], tmp, name, build, 4 * n, suffix, start_up)
            ok = large / small < RATIO
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: N {small:.3f} s, 4N {large:.3f} s, "
                  f"ratio {large / small:.1f} (bar {RATIO})")
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
