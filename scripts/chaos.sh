#!/usr/bin/env bash
# The full chaos-allocation sweep (CI strides it): every allocation of one
# extraction fails in turn (tests/chaos/chaos.c) for every text page of
# corpus/, the chaos test's HTML page and JSON Lines stream, the HTML pages
# of ../shared/corpus/html when they are there, and the extractor's making;
# then the command itself under the preloaded shim (tests/tools/chaos_cli.py),
# over the allocations its documents make (the last LAST, default 3000).
# Any "wrong" line is a failure; the figures end the output.
#   scripts/chaos.sh [BUILD_DIR]     (default build/; build-asan/ adds ASan)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
last=${VNX_CHAOS_LAST:-3000}
cmake --build "$build" -j2 --target chaos vnxchaos vnextract_cli >/dev/null
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
chaos="$build/tests/chaos/chaos"
status=0
start=$(date +%s)
sweep() { nice -n 19 "$chaos" "$@" 1 2>&1 | tail -n 20 || status=1; }
for f in corpus/*.txt; do sweep text "$f"; done
sweep html tests/chaos/page.html
for f in tests/fuzz/seeds/html/*.html ../shared/corpus/html/*.html; do
  [ -f "$f" ] && sweep html "$f"
done
sweep jsonl tests/chaos/stream.jsonl
sweep extractor tests/fuzz/seeds/html/blocks.html
if [ "$build" = build ]; then
  nice -n 19 python3 tests/tools/chaos_cli.py --last "$last" "$build/vnextract" \
    "$build/tests/chaos/libvnxchaos.so" corpus/c01-kiem-diem-th-hoa-khanh-bac.txt \
    tests/chaos/stream.jsonl | tail -n 20 || status=1
fi
echo "chaos sweep: $(( $(date +%s) - start )) s, status $status"
exit $status
