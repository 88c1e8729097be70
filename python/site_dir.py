#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Where `cmake --install` puts the vnextract package for a prefix.

usage: site_dir.py PREFIX

Prints the directory of this interpreter's search path that lies under
PREFIX (the system's dist-packages for /usr/local on Debian, the user's
site-packages for ~/.local), so that python3 finds the package without
PYTHONPATH; else PREFIX/lib/pythonX.Y/site-packages (then set PYTHONPATH).
"""
import os
import site
import sys


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    prefix = os.path.abspath(argv[1])
    real = os.path.realpath(prefix)
    candidates = list(getattr(site, "getsitepackages", lambda: [])())
    candidates.append(site.getusersitepackages())
    for path in candidates:
        rel = os.path.relpath(os.path.realpath(path), real)
        if not rel.startswith(os.pardir) and rel != ".":
            print(os.path.join(prefix, rel))
            return 0
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    print(os.path.join(prefix, "lib", version, "site-packages"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
