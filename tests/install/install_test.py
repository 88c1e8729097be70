#!/usr/bin/env python3
"""Install vnextract to a temporary prefix and use it as a user would.

usage: install_test.py BUILD_DIR SOURCE_DIR CC PKG_CONFIG CMAKE [--sanitize]

Runs `cmake --install BUILD_DIR --prefix TMP`, checks what is installed (the
shared library with its SONAME, the static one, the headers, vnextract.pc,
the CMake package, the program, the man pages, the Python package), runs
the README's Python example on it as written, then builds
tests/install/consumer.c against the installed library with pkg-config and
with find_package(vnextract CONFIG) (shared and static), runs each build on
an article of corpus/ and checks its record: the same as the installed
program's, and the dates and directives of the article's gold record.
--sanitize (an ASan+UBSan build, whose library needs the sanitizer runtimes
at link time) skips the test with exit 77.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ARTICLE = "corpus/c01-kiem-diem-th-hoa-khanh-bac.txt"
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))
    return cond


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)


def must(name, cmd, **kw):
    r = run(cmd, **kw)
    if not check(name, r.returncode == 0, f"{' '.join(cmd)}\n{r.stdout}{r.stderr}"):
        raise SystemExit(finish())
    return r


def finish():
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def one(prefix, pattern):
    found = sorted(glob.glob(os.path.join(prefix, pattern), recursive=True))
    return found[0] if found else None


def needed(binary):
    out = run(["readelf", "-d", binary]).stdout
    return [line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def check_installed(prefix, version):
    so = one(prefix, "**/libvnextract.so.*.*.*")
    if check("the shared library is installed, versioned", so):
        soname = [line for line in run(["readelf", "-d", so]).stdout.splitlines() if "SONAME" in line]
        check("it has a SONAME libvnextract.so.N", soname and "[libvnextract.so." in soname[0],
              soname)
        libdir = os.path.dirname(so)
        check("libvnextract.so and libvnextract.so.N link to it",
              os.path.realpath(os.path.join(libdir, "libvnextract.so")) == os.path.realpath(so))
    check("the static library is installed", one(prefix, "**/libvnextract.a"))
    for header in ("vnextract.h", "vnx_export.h", "vnx_version.h"):
        check(f"include/{header} is installed", os.path.isfile(os.path.join(prefix, "include", header)))
    check("vnextract.pc is installed", one(prefix, "**/pkgconfig/vnextract.pc"))
    for f in ("vnextractConfig.cmake", "vnextractConfigVersion.cmake", "vnextractTargets.cmake"):
        check(f"cmake/vnextract/{f} is installed", one(prefix, f"**/cmake/vnextract/{f}"))
    check("bin/vnextract is installed", os.access(os.path.join(prefix, "bin", "vnextract"), os.X_OK))
    for sec in ("1", "3"):
        page = os.path.join(prefix, "share", "man", f"man{sec}", f"vnextract.{sec}")
        if not check(f"vnextract({sec}) is installed", os.path.isfile(page)):
            continue
        with open(page, encoding="utf-8") as f:
            check(f"vnextract({sec}) names the version", f'"vnextract {version}"' in f.read())
        if shutil.which("groff"):
            r = run(["groff", "-man", "-Tutf8", "-ww", "-z", page])
            check(f"vnextract({sec}) formats without a warning", not r.stderr, r.stderr)
        if shutil.which("man"):
            r = run(["man", "-w", sec, "vnextract"],
                    env={**os.environ, "MANPATH": os.path.join(prefix, "share", "man")})
            check(f"man finds vnextract({sec}) under the prefix", r.stdout.strip() == page,
                  r.stdout + r.stderr)
    return so


def dates_and_directives(rec):
    return (sorted(d["value"] for d in rec["dates"]),
            sorted(d["number"] for d in rec["directives"]))


def check_record(name, out, want, gold):
    try:
        rec = json.loads(out)
    except ValueError:
        return check(f"{name}: prints a JSON record", False, out[:200])
    check(f"{name}: the same record as the installed program", rec == want,
          f"\n  got  {rec}\n  want {want}")
    check(f"{name}: the article's gold dates and directives", dates_and_directives(rec) == gold,
          f"{dates_and_directives(rec)} != {gold}")


def main(argv):
    if len(argv) not in (6, 7):
        sys.exit(__doc__)
    build, source, cc, pkg_config, cmake = argv[1:6]
    if argv[6:] == ["--sanitize"]:
        print("skipped: the sanitizer build's library needs -fsanitize at link time; "
              "the plain build runs this test")
        return 77
    article = os.path.join(source, ARTICLE)
    with open(os.path.splitext(article)[0] + ".json", encoding="utf-8") as f:
        gold = dates_and_directives(json.load(f))

    with tempfile.TemporaryDirectory(prefix="vnx-install-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        # As for --prefix $HOME/.local: the prefix is python3's user base, so
        # the package goes where python3 finds it without PYTHONPATH.
        pyenv = {**os.environ, "PYTHONUSERBASE": prefix}
        pyenv.pop("PYTHONPATH", None)
        pyenv.pop("VNEXTRACT_LIBRARY", None)
        must("cmake --install to a temporary prefix", [cmake, "--install", build, "--prefix", prefix],
             env=pyenv)
        so = check_installed(prefix, want_version(build))
        if not so:
            return finish()
        libdir = os.path.dirname(so)
        cli = must("the installed program runs", [os.path.join(prefix, "bin", "vnextract"), article])
        want = json.loads(cli.stdout)
        check("the installed program: the article's gold dates and directives",
              dates_and_directives(want) == gold)

        check_python(source, prefix, pyenv, tmp)

        # pkg-config, as the README says.
        env = {**os.environ, "PKG_CONFIG_PATH": os.path.join(libdir, "pkgconfig")}
        flags = must("pkg-config --cflags --libs vnextract",
                     [pkg_config, "--cflags", "--libs", "vnextract"], env=env).stdout.split()
        version = run([pkg_config, "--modversion", "vnextract"], env=env).stdout.strip()
        check("pkg-config --modversion is the library's version", version == want_version(build),
              version)
        exe = os.path.join(tmp, "consumer_pc")
        must("a consumer builds with pkg-config",
             [cc, "-Wall", "-Werror", "-o", exe, os.path.join(source, "tests/install/consumer.c"),
              *flags, f"-Wl,-rpath,{libdir}"])
        check("the pkg-config build uses the shared library", "libvnextract.so.0" in needed(exe),
              needed(exe))
        check_record("pkg-config build", must("the pkg-config build runs", [exe, article]).stdout,
                     want, gold)

        # find_package(vnextract CONFIG), shared and static.
        cbuild = os.path.join(tmp, "consumer")
        must("a consumer project configures with find_package(vnextract CONFIG)",
             [cmake, "-S", os.path.join(source, "tests/install"), "-B", cbuild,
              f"-DCMAKE_PREFIX_PATH={prefix}", f"-DCMAKE_C_COMPILER={cc}"])
        must("it builds against vnextract::vnextract and vnextract::vnextract_static",
             [cmake, "--build", cbuild])
        shared = os.path.join(cbuild, "consumer_shared")
        static = os.path.join(cbuild, "consumer_static")
        check("vnextract::vnextract is the shared library", "libvnextract.so.0" in needed(shared),
              needed(shared))
        check("vnextract::vnextract_static is the static library",
              not any(n.startswith("libvnextract") for n in needed(static)), needed(static))
        for name, exe in (("find_package shared build", shared), ("find_package static build", static)):
            check_record(name, must(f"the {name} runs", [exe, article]).stdout, want, gold)
    return finish()


def readme_python(source):
    """The Python example of the README (its section "Python")."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        m = re.search(r"^## Python\n.*?^```python\n(.*?)^```", f.read(), re.M | re.S)
    return m.group(1) if m else None


def check_python(source, prefix, env, tmp):
    init = one(prefix, "lib/python3*/site-packages/vnextract/__init__.py")
    if not check("the Python package is installed in the prefix's site-packages", init):
        return
    installed = os.path.join(os.path.dirname(init), "_installed.py")
    with open(installed, encoding="utf-8") as f:
        lib = re.search(r'LIBRARY = "(.*)"', f.read())
    check("it names the installed library", lib and os.path.isfile(lib.group(1)) and
          lib.group(1).startswith(prefix), lib and lib.group(1))
    example = readme_python(source)
    if not check("the README has a Python example", example):
        return
    script = os.path.join(tmp, "readme_example.py")
    with open(script, "w", encoding="utf-8") as f:
        f.write(example)
    r = run([sys.executable, script], env=env, cwd=tmp)
    check("the README's Python example runs as written on the install",
          r.returncode == 0 and "2023-12-18 ngày 18/12/2023" in r.stdout and
          "kiểm điểm 03-HD/TU 4" in r.stdout and "error:" in r.stdout,
          r.stdout + r.stderr)
    r = run([sys.executable, "-c", "import vnextract; print(vnextract.__file__)"], env=env, cwd=tmp)
    check("python3 imports the installed package, not the source tree's",
          r.stdout.strip() == init, r.stdout + r.stderr)


def want_version(build):
    """The project's version, from the build's generated vnx_version.h."""
    with open(os.path.join(build, "lib", "vnx_version.h"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#define VNX_VERSION_STRING"):
                return line.split('"')[1]
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
