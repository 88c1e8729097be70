#!/usr/bin/env python3
"""The miss finder (tools/missfinder.py) lists the sentences that look like a
tally or an attendance figure and gave none, and only those.

usage: missfinder_test.py VNEXTRACT PROJECT_DIR
"""
import os
import subprocess
import sys
import tempfile

FOUND = ("Trong năm, 04 đảng viên hoàn thành xuất sắc nhiệm vụ. "
         "Hội nghị có 25 đảng viên tham dự.\n")
# A tally and an attendance figure in forms the rules do not read, and a
# target, which is no tally and must not be listed.
MISSED = ("Số người hoàn thành xuất sắc nhiệm vụ lên tới 12 người.\n"
          "Buổi gặp mặt thu nhận được ý kiến của 30 đảng viên dự kiến tham dự.\n"
          "Phấn đấu 100% đảng viên hoàn thành tốt nhiệm vụ.\n")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    binary, project = argv[1], argv[2]
    tool = os.path.join(project, "tools", "missfinder.py")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("found.txt", FOUND), ("missed.txt", MISSED)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
        out = subprocess.run([sys.executable, tool, binary, tmp], capture_output=True, text=True,
                             check=False)
        lines = out.stdout.splitlines()

        def check(what, ok):
            nonlocal failures
            print(("ok   " if ok else "FAIL ") + what)
            failures += not ok

        check("exit status 0", out.returncode == 0)
        check("nothing listed from the page whose figures were found",
              not any("found.txt" in line for line in lines))
        check("the unread tally is listed as [tallies]",
              any("missed.txt" in line and "[tallies]" in line and "lên tới 12" in line
                  for line in lines))
        check("the unread attendance is listed as [attendance]",
              any("missed.txt" in line and "[attendance]" in line and "30 đảng viên" in line
                  for line in lines))
        check("a target is not listed", not any("Phấn đấu" in line for line in lines))
        check("the summary counts on stderr", "# tallies: 1" in out.stderr and
              "# attendance: 1" in out.stderr)
    if failures:
        print("\n".join(lines), file=sys.stderr)
        print(out.stderr, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
