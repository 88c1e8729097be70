#!/usr/bin/env bash
# Fuzz vnextract with libFuzzer (clang, ASan + UBSan): each harness for
# SECONDS (default 60) on one core, from its seeds. A crash is written to
# tests/fuzz/crashes/, where the replay ctests pick it up from then on.
#   scripts/fuzz.sh [SECONDS] [HARNESS...]     harnesses: extract html jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
[ $# -gt 0 ] && harnesses=("$@") || harnesses=(extract html jsonl)

CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNX_FUZZ=ON \
  -DVNX_SANITIZE=ON >/dev/null
cmake --build build-fuzz -j2 --target $(printf 'fuzz_%s ' "${harnesses[@]}") >/dev/null

declare -A seeds=([extract]=corpus [html]=tests/fuzz/seeds/html [jsonl]=tests/fuzz/seeds/jsonl)
for h in "${harnesses[@]}"; do
  work="build-fuzz/corpus-$h"
  mkdir -p "$work"
  echo "fuzz_$h: $seconds s"
  build-fuzz/tests/fuzz/fuzz_$h "$work" "${seeds[$h]}" -max_total_time="$seconds" \
    -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix=tests/fuzz/crashes/"$h"- 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)|ERROR|SUMMARY" || true
done
