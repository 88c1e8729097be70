#!/usr/bin/env python3
"""The shared library's exports: exactly the allow-list, all vnx_, all documented.

usage: exports_test.py LIBVNEXTRACT.so ALLOWLIST HEADER MANPAGE

Checks that the symbols the shared library defines for the dynamic linker
(nm -D --defined-only) are exactly those of ALLOWLIST (one a line, # for
comments), that every one of them begins with vnx_, that every function the
public HEADER marks VNX_EXPORT is on the list, and that MANPAGE (vnextract.3)
documents each of them.
"""
import re
import subprocess
import sys

results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True,
                         check=True).stdout
    # Linker-made markers some toolchains list; they are not the library's API.
    markers = {"_init", "_fini", "_edata", "_end", "__bss_start"}
    return {line.split()[-1] for line in out.splitlines()
            if line.strip() and line.split()[-1] not in markers}


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    lib, allow_path, header, manpage = argv[1:]
    with open(allow_path, encoding="utf-8") as f:
        allowed = {w for w in (line.split("#")[0].strip() for line in f) if w}
    with open(header, encoding="utf-8") as f:
        declared = set(re.findall(r"VNX_EXPORT[^;(]*?\b(vnx_\w+)\s*\(", f.read()))
    with open(manpage, encoding="utf-8") as f:
        documented = set(re.findall(r"\b(vnx_\w+)\b", f.read()))
    syms = exported(lib)

    check("the library exports some symbols", len(syms) > 0)
    extra, missing = sorted(syms - allowed), sorted(allowed - syms)
    check("no symbol outside the allow-list", not extra, " ".join(extra))
    check("every allow-listed symbol is exported", not missing, " ".join(missing))
    bad = sorted(s for s in syms | allowed if not s.startswith("vnx_"))
    check("every symbol is vnx_", not bad, " ".join(bad))
    undeclared = sorted(declared - allowed)
    check("every VNX_EXPORT function of the header is allow-listed", not undeclared,
          " ".join(undeclared))
    check("the header declares every allow-listed symbol", not sorted(allowed - declared),
          " ".join(sorted(allowed - declared)))
    undocumented = sorted(allowed - documented)
    check("vnextract(3) documents every exported function", not undocumented,
          " ".join(undocumented))

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
