#!/usr/bin/env python3
"""The documentation cannot drift from the program and the header.

usage: docs_test.py VNEXTRACT MAN1 README HEADER VERSION_HEADER MAN3

- every option of `vnextract --help` is in vnextract(1) (MAN1, as built from
  the table of cli/options.c) and in the README, and man(1) names no option
  that --help lacks;
- every exit status of --help is in man(1)'s EXIT STATUS and the README's
  list, and those list no other;
- every vnx_/VNX_ name of the public headers is in vnextract(3), and
  vnextract(3) names none that the headers lack.
"""
import re
import subprocess
import sys

results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def unroff(text):
    """The text of a man page source, fonts and escapes removed."""
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")


def help_options(help_text):
    """--help's options: the long ones and the short letters, in order."""
    opts = []
    for line in help_text.splitlines():
        m = re.match(r"  (?:(-\w), )?(--[\w-]+)", line)
        if m:
            opts += [o for o in m.groups() if o]
    return opts


def help_exit_statuses(help_text):
    part = help_text.split("\nExit status:\n", 1)
    return set(re.findall(r"^  (\d+) ", part[1], re.M)) if len(part) == 2 else set()


def section(text, heading, stop):
    """The lines of `text` from the line matching `heading` to the next matching `stop`."""
    m = re.search(heading, text, re.M)
    if not m:
        return ""
    rest = text[m.end():]
    n = re.search(stop, rest, re.M)
    return rest[:n.start()] if n else rest


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    vnx, man1_path, readme_path, header, version_header, man3_path = argv[1:]
    help_text = subprocess.run([vnx, "--help"], capture_output=True, text=True,
                               check=True).stdout
    man1 = unroff(read(man1_path))
    readme = read(readme_path)

    opts = help_options(help_text)
    check("--help lists options", len(opts) > 10, opts)
    for opt in opts:
        word = re.compile(re.escape(opt) + r"(?![\w-])")
        check(f"vnextract(1) documents {opt}", bool(word.search(man1)))
        check(f"the README documents {opt}", bool(re.search(r"`" + re.escape(opt) + r"[ =`]",
                                                          readme)))
    # Every option vnextract(1) names (bare "--" ends the options) is real.
    prose = re.sub(r"^\.EX$.*?^\.EE$", "", man1, flags=re.M | re.S)  # examples run jq too
    named = set(re.findall(r"(?<![\w-])(--[a-z][\w-]*|-[a-z])(?![\w-])", prose))
    check("vnextract(1) names no option that --help lacks", named <= set(opts),
          sorted(named - set(opts)))

    codes = help_exit_statuses(help_text)
    check("--help lists exit statuses", "0" in codes and "2" in codes, codes)
    man_codes = set(re.findall(r"^\.B (\d+)$",
                               section(man1, r"^\.SH EXIT STATUS", r"^\.SH "), re.M))
    check("vnextract(1)'s EXIT STATUS lists the statuses of --help", man_codes == codes,
          f"{sorted(man_codes)} vs {sorted(codes)}")
    readme_codes = set(re.findall(r"^- `(\d+)`", section(readme, r"^#+ Exit status", r"^#"),
                                  re.M))
    check("the README's exit statuses are those of --help", readme_codes == codes,
          f"{sorted(readme_codes)} vs {sorted(codes)}")

    names = re.compile(r"\b((?:vnx|VNX)_[A-Za-z0-9_]*[A-Za-z0-9])\b")
    declared = set(names.findall(read(header))) | set(names.findall(read(version_header)))
    declared -= {"VNX_EXPORT", "vnx_export", "VNX_VERSION_H", "VNX_H", "VNEXTRACT_H"}
    declared = {d for d in declared if not d.endswith("_H")}
    documented = set(names.findall(unroff(read(man3_path))))
    check("vnextract(3) documents every name of the public header",
          not declared - documented, sorted(declared - documented))
    check("vnextract(3) names nothing the public header lacks", not documented - declared,
          sorted(documented - declared))

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
