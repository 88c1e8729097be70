#!/usr/bin/env bash
# The benchmark: vnextract's throughput, scaling, memory and start-up, with
# cat, ICU's own normalizer and vnextract's floor (no extractor) over the
# same bytes as references, and chrono-node for dates.
#   scripts/bench.sh [MB]     (default 20 MB; a Release build in build-bench/)
#   BENCH_CLOCK=cpu scripts/bench.sh [MB]     (CPU seconds: on a loaded machine)
#   cmake --build build --target bench     (the same, 20 MB)
# The corpus is corpus/*.txt and ../shared/corpus/*/*.txt (when there),
# repeated to about MB megabytes, as separate files and as one JSON Lines
# stream. Timing lives here, never in a unit test.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 --target vnextract_cli bench_stages >/dev/null
vnx=build-bench/vnextract
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$mb" corpus/*.txt ../shared/corpus/*/*.txt 2>/dev/null <<'PY'
import glob, json, os, sys
work, mb, paths = sys.argv[1], float(sys.argv[2]), [p for p in sys.argv[3:] if os.path.isfile(p)]
texts = [open(p, "rb").read() for p in paths]
os.makedirs(f"{work}/files")
size, n = 0, 0
with open(f"{work}/all.txt", "wb") as cat, open(f"{work}/stream.jsonl", "w", encoding="utf-8") as st:
    while size < mb * 1e6:
        for t in texts:
            with open(f"{work}/files/{n:07d}.txt", "wb") as f:
                f.write(t)
            cat.write(t)
            st.write(json.dumps({"id": n, "text": t.decode("utf-8", "replace")}, ensure_ascii=False) + "\n")
            size += len(t)
            n += 1
# Every article on one line, four times over: one long page as scrapes
# flatten them. Time that grows faster than the page shows here.
flat = b" ".join(t.replace(b"\n", b" ") for t in texts) * 4
open(f"{work}/flat.txt", "wb").write(flat)
print(f"corpus: {n} documents, {size / 1e6:.1f} MB (from {len(paths)} articles)")
PY
bytes=$(stat -c %s "$work/all.txt")
docs=$(ls "$work/files" | wc -l)
cores=$(nproc)

# seconds and peak RSS (KB) of a command, best of three. The seconds are
# wall-clock ones; with BENCH_CLOCK=cpu, the CPU seconds (user + system)
# instead: on a machine others load, wall-clock times of one thread measure
# the load (-j N's scaling can only be read on an idle machine).
measure() {
  local best="" rss=0 fmt="%e %M"
  [ "${BENCH_CLOCK:-wall}" = cpu ] && fmt="%U %S %M"
  for _ in 1 2 3; do
    /usr/bin/time -f "$fmt" -o "$work/t" "$@" >/dev/null 2>&1 || true
    if [ "${BENCH_CLOCK:-wall}" = cpu ]; then
      read -r u k m <"$work/t"; s=$(awk -v u="$u" -v k="$k" 'BEGIN{print u + k}')
    else
      read -r s m <"$work/t"
    fi
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}
# mean seconds of a short command over 20 runs (finer than time's 10 ms);
# with BENCH_CLOCK=cpu, the CPU seconds of the 20 runs (their shell's too)
seconds_per_run() {
  local t0 t1
  if [ "${BENCH_CLOCK:-wall}" = cpu ]; then
    /usr/bin/time -f "%U %S" -o "$work/t" sh -c 'for _ in $(seq 20); do "$@" >/dev/null 2>&1; done; true' sh "$@"
    awk '{printf "%.6f", ($1 + $2) / 20}' "$work/t"
    return
  fi
  t0=$(date +%s%N)
  for _ in $(seq 20); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.6f", (b - a) / 20 / 1e9}'
}
row() { # name seconds rss: speeds as ratios to uconv's, cat's and the floor's
  awk -v n="$1" -v s="$2" -v r="$3" -v b="$bytes" -v d="$docs" -v u="${ref:-0}" -v c="${cat_s:-0}" -v f="${floor:-0}" 'BEGIN{
    s = s < 0.001 ? 0.001 : s
    ratio = "%7.2fx"
    printf "| %-36s | %6.2f | %6.1f | %6.0f | %6.1f | %s | %s | %s |\n", n, s, b/1e6/s, d/s, r/1024,
      (u > 0 ? sprintf(ratio, u/s) : ""), (c > 0 ? sprintf(ratio, c/s) : ""), (f > 0 ? sprintf(ratio, f/s) : "") }'
}
echo
echo "| run | s | MB/s | docs/s | peak RSS MB | x uconv | x cat | x floor |"
echo "|---|---|---|---|---|---|---|---|"
read -r s r < <(measure cat "$work/all.txt"); cat_s=$s; row "cat (reference)" "$s" "$r"
read -r s r < <(measure uconv -f utf-8 -t utf-8 -x nfc -o /dev/null "$work/all.txt"); ref=$s
row "uconv -x nfc (reference)" "$s" "$r"
# The floor: read, normalize and write a record with no extractor run
# ("published" needs none: it comes from an HTML page's metadata).
read -r s r < <(measure "$vnx" -j 1 --no-progress --fields published "$work/files"); floor=$s
row "floor: -j 1, files, no extractor" "$s" "$r"
read -r s r < <(measure "$vnx" -j 1 --no-progress "$work/files"); row "vnextract -j 1, files" "$s" "$r"; j1=$s
read -r s r < <(measure "$vnx" -j "$cores" --no-progress "$work/files"); row "vnextract -j $cores, files" "$s" "$r"; jn=$s
read -r s r < <(measure "$vnx" -j 1 --no-progress "$work/stream.jsonl"); row "vnextract -j 1, JSON Lines" "$s" "$r"
read -r s r < <(measure "$vnx" -j "$cores" --no-progress "$work/stream.jsonl"); row "vnextract -j $cores, JSON Lines" "$s" "$r"
read -r s r < <(measure "$vnx" -j 1 --no-progress --fields dates "$work/stream.jsonl"); dates=$s
row "vnextract -j 1 --fields dates, JSON Lines" "$s" "$r"
# chrono-node (tests/bench/chrono/, installed there only) over the same stream.
peer=tests/bench/chrono chrono=""
if command -v node >/dev/null && command -v npm >/dev/null; then
  [ -d "$peer/node_modules/chrono-node" ] || (cd "$peer" && npm ci --no-audit --no-fund >/dev/null 2>&1) || true
fi
if [ -d "$peer/node_modules/chrono-node" ]; then
  read -r s r < <(measure node "$peer/dates.js" "$work/stream.jsonl"); chrono=$s
  row "chrono-node (node), JSON Lines" "$s" "$r"
fi
read -r s r < <(measure "$vnx" -j 1 --no-progress "$work/flat.txt")
awk -v s="$s" -v r="$r" -v b="$(stat -c %s "$work/flat.txt")" 'BEGIN{
  printf "| %-36s | %6.2f | %6.1f | %6s | %6.1f |  |  |  |\n", sprintf("-j 1, one %.1f MB page on one line", b/1e6), s, b/1e6/s, "", r/1024 }'
# Memory does not grow with the stream: the same stream four times, piped.
read -r s r < <(measure sh -c "cat '$work/stream.jsonl' '$work/stream.jsonl' '$work/stream.jsonl' '$work/stream.jsonl' | '$vnx' -j $cores --no-progress")
rss4=$r
echo "| (the JSON Lines stream x4, piped: peak RSS) |  |  |  | $(awk -v r="$r" 'BEGIN{printf "%.1f", r/1024}') |  |  |  |"
: >"$work/empty.txt"
start=$(seconds_per_run "$vnx" "$work/empty.txt")
first=$(seconds_per_run "$vnx" "$work/files/0000000.txt")
echo
awk -v ref="$ref" -v j1="$j1" -v jn="$jn" -v fl="$floor" -v st="$start" -v first="$first" -v c="$cores" \
    -v dates="$dates" -v chrono="$chrono" -v rss="$rss4" -v clock="${BENCH_CLOCK:-wall}" \
    -v doc="$(stat -c %s "$work/files/0000000.txt") bytes" 'BEGIN{
  printf "vnextract -j 1 vs uconv: %.2fx (target >= 0.40x)\n", ref/j1
  printf "vnextract -j 1 vs the floor: %.2fx the floor'"'"'s time (target <= 4x)\n", j1/fl
  if (chrono != "") printf "--fields dates vs chrono-node: %.1fx (target >= 4x)\n", chrono/dates
  else print "--fields dates vs chrono-node: skipped (node, npm or chrono-node missing)"
  if (clock == "cpu") printf "-j %d vs -j 1: not measured (CPU seconds: threads add theirs; read it wall-clock on an idle machine)\n", c
  else printf "-j %d vs -j 1: %.2fx (target >= 1.85x)\n", c, j1/jn
  printf "peak RSS, the stream x4: %.1f MB (target < 64 MB)\n", rss/1024
  printf "start-up (an empty document: load and compile the patterns): %.0f ms (target < 20 ms)\n", st*1000
  printf "one document from start to end (%s): %.0f ms\n", doc, first*1000 }'
echo
# Where -j 1's time goes: every extractor off (what any record costs), then
# one extractor more per row.
build-bench/bench_stages "$work/stream.jsonl"
