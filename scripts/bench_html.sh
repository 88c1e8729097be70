#!/usr/bin/env bash
# The HTML benchmark: vnextract's reader view (vnx_extract_html, in one
# process, start-up not counted) against Readability + jsdom (the Firefox
# reader view, tests/bench/readability/, npm, installed there only) over
# the same saved pages, each page's best of RUNS; then a 10 MB page through
# the vnextract command, start-up included.
#   scripts/bench_html.sh [PAGES_DIR] [RUNS]
# PAGES_DIR defaults to ../shared/corpus/html, RUNS to 5. Run it on a quiet
# machine (or under nice, twice): the figures are times.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/corpus/html}
runs=${2:-5}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target vnextract_cli bench_html >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== vnextract (vnx_extract_html: reader view + extraction + JSON), in process"
build-bench/bench_html -n "$runs" "$pages"/*.html | tee "$work/vnx.txt"
echo "== vnextract, the reader view alone (-t: no extractor)"
build-bench/bench_html -t -n "$runs" "$pages"/*.html | tail -1 | tee "$work/vnx_t.txt"

peer=tests/bench/readability
if command -v node >/dev/null && command -v npm >/dev/null; then
  [ -d "$peer/node_modules/jsdom" ] || (cd "$peer" && npm ci --no-audit --no-fund >/dev/null)
  echo "== Readability + jsdom (JSDOM + Readability.parse), in process"
  node "$peer/bench.js" -n "$runs" "$pages"/*.html | tee "$work/rdb.txt"
else
  echo "== Readability + jsdom: skipped (node and npm are not installed)"
fi

# A 10 MB page: a real article page whose article holds its text over and
# over (a long decree published in full), the page's frame around it.
python3 - "$pages" "$work/big.html" <<'PY'
import glob, sys
src = sorted(glob.glob(sys.argv[1] + "/*vnexpress-soc*.html")) or sorted(glob.glob(sys.argv[1] + "/*.html"))
page = open(src[0], encoding="utf-8").read()
start = page.find(">", page.find("<article")) + 1
end = page.find("</article>", start)
body = page[start:end] if 0 < start < end else "<p>" + page[:20000] + "</p>"
size = lambda s: len(s.encode("utf-8"))
n = (10_000_000 - size(page)) // max(size(body), 1) + 1
open(sys.argv[2], "w", encoding="utf-8").write(page[:start] + body * n + page[end:])
PY
bytes=$(stat -c %s "$work/big.html")
best=""
for _ in 1 2 3; do
  /usr/bin/time -f "%e %U %M" -o "$work/t" build-bench/vnextract --no-progress "$work/big.html" >/dev/null
  read -r s u m <"$work/t"
  if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; user=$u; rss=$m; fi
done

echo
echo "| over the same pages | median ms per page | total ms |"
echo "|---|---|---|"
awk '/^median/{printf "| vnextract (reader view, extraction, JSON) | %s | %s |\n", $2, $7}' "$work/vnx.txt"
awk '/^median/{printf "| vnextract, reader view alone | %s | %s |\n", $2, $7}' "$work/vnx_t.txt"
[ -f "$work/rdb.txt" ] && awk '/^median/{printf "| Readability + jsdom | %s | %s |\n", $2, $7}' "$work/rdb.txt"
awk -v b="$bytes" -v s="$best" -v u="$user" -v r="$rss" 'BEGIN{printf "| a %.1f MB page (one long article), the vnextract command | %.2f s (%.2f s user), peak RSS %.0f MB | |\n", b/1e6, s, u, r/1024}'
if [ -f "$work/rdb.txt" ]; then
  v=$(awk '/^median/{print $2}' "$work/vnx.txt"); p=$(awk '/^median/{print $2}' "$work/rdb.txt")
  awk -v v="$v" -v p="$p" 'BEGIN{printf "\nmedian per page: vnextract %.2f ms, Readability + jsdom %.2f ms: %.1fx faster (target >= 10x)\n", v, p, p/v}'
fi
