#!/usr/bin/env bash
# Run the CLI (text, HTML, JSON Lines, -j 1 and -j 2) and every unit suite
# under valgrind's memcheck; exit 1 on any error or leak.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-valgrind -j2 >/dev/null
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --track-origins=yes)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/stream.jsonl" corpus/*.txt <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, path in enumerate(sys.argv[2:]):
        text = open(path, encoding="utf-8", errors="replace").read()
        out.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": f"h{i}", "html": "<p>" + text + "</p>"}, ensure_ascii=False) + "\n")
    out.write("not json\n")
PY
status=0
run() {
  echo "valgrind: $*"
  "${vg[@]}" "$@" >/dev/null || { rc=$?; [ $rc -eq 99 ] && status=1 || [ $rc -le 1 ] || status=1; }
}
run build-valgrind/vnextract -j 1 corpus
run build-valgrind/vnextract -j 2 "$tmp/stream.jsonl"
run build-valgrind/vnextract -j 2 --from html tests/fuzz/seeds/html/page.html
for t in build-valgrind/tests/test_*; do
  CK_FORK=no VNX_PATTERNS_DIR=patterns run "$t"
done
[ $status -eq 0 ] && echo "valgrind: clean" || echo "valgrind: errors found"
exit $status
