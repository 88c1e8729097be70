#!/usr/bin/env python3
"""Pathological inputs: long runs of what the patterns look for (digits,
slashes, "ngày", dashes, "số"), and pages on one line or with long runs of
blank lines, must finish quickly and give a record each.
ctest's TIMEOUT bounds the whole run; PCRE2's match and depth limits keep
each match cheap.

usage: pathological.py VNEXTRACT
"""
import json
import os
import subprocess
import sys
import tempfile

LINE = 100_000

CASES = {
    "digits": "1" * LINE,
    "digits_slashes": "1/" * (LINE // 2),
    "dates_glued": "12/12/" * (LINE // 6),
    "ngay": "ngày " * (LINE // 5),
    "ngay_digits": "ngày 1 " * (LINE // 7),
    "dashes": "1-" * (LINE // 2),
    "so_symbols": "số 03-HD/" * (LINE // 9),
    "thang": "tháng 1 tháng " * (LINE // 14),
    "range_words": "từ ngày 1 đến ngày " * (LINE // 19),
    "issuer_heads": "Hướng dẫn số 01-HD/TU của Ban " + "Ban " * (LINE // 4),
    "vote_words": "100% đảng viên thống nhất đề nghị chi bộ " * (LINE // 45),
    "counts_dc": "12/12 đ/c, " * (LINE // 11),
    "ratings": "hoàn thành tốt nhiệm vụ, chiếm " * (LINE // 32),
    "guests": "cùng 12 đảng viên " * (LINE // 18),
    "spaces": " " * LINE,
    # Each took time growing with its square once (a walk or a look-ahead
    # from every hit to the end of the line or run).
    "blank_lines": "Kết quả:" + "\n" * LINE + "Hoàn thành xuất sắc nhiệm vụ: 04 đồng chí",
    "spaced_blank_lines": " \n" * (LINE // 2),
    "dates_one_line": "ngày 5/3/2024 chi bộ họp " * (LINE // 25),
    "dates_without_year": "ngày 5/3 " * (LINE // 9),
    "names_one_line": "đồng chí Nguyễn Văn An Bí thư Chi bộ chủ trì " * (LINE // 45),
    "study_verbs": "học tập " * (LINE // 8),
    "directives_distinct": "".join(f"Chỉ thị số {i}-CT/TW ngày 15/5/2016, " for i in range(LINE // 35)),
    "combining_marks": "a" + "\u0301" * LINE,
}


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in CASES.items():
            path = os.path.join(tmp, name + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + "\n")
            try:
                out = subprocess.run([argv[1], path], capture_output=True, text=True, timeout=20)
                ok = out.returncode == 0 and len(out.stdout.splitlines()) == 1
                if ok:
                    json.loads(out.stdout)
            except (subprocess.TimeoutExpired, ValueError) as e:
                ok = False
                print(f"  {name}: {type(e).__name__}")
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
    print(f"{len(CASES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
