#!/usr/bin/env bash
# Fuzz vnextract with libFuzzer (clang, ASan + UBSan), one harness at a time
# on one core under nice -n 19 (the machine is shared), each from seeds made
# of the corpora and with a dictionary of the genre's tokens
# (tests/fuzz/make_dicts.py). A crash is written to tests/fuzz/crashes/,
# where the replay ctests pick it up from then on.
#
#   scripts/fuzz.sh [SECONDS | --minutes N] [--max-len BYTES] [HARNESS...]
#
# SECONDS (default 60) or N minutes per harness; harnesses: extract html
# jsonl (the front ends) and nomem (any of them with an allocation failing,
# chosen by the input: the same record or a clean out of memory), by
# default all four. Each run's executions and rate are appended to
# build-fuzz/fuzz-runs.tsv, and the totals so far printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
max_len=16384
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    [0-9]*) seconds=$1; shift ;;
    extract|html|jsonl|nomem) harnesses+=("$1"); shift ;;
    *) echo "usage: $0 [SECONDS | --minutes N] [--max-len BYTES] [extract|html|jsonl|nomem]..." >&2
       exit 2 ;;
  esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=(extract html jsonl nomem)

CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNX_FUZZ=ON \
  -DVNX_SANITIZE=ON >/dev/null
nice cmake --build build-fuzz -j2 --target $(printf 'fuzz_%s ' "${harnesses[@]}") >/dev/null
python3 tests/fuzz/make_dicts.py build-fuzz >/dev/null
cp build-fuzz/extract.dict build-fuzz/nomem.dict

# Seeds: our corpus and the fuzzing seeds, and the shared corpora when they
# are there (text pages, saved HTML pages, and JSON lines made of both).
shared=../shared/corpus
seed_dir() {
  local h=$1 dir=build-fuzz/seeds-$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $h in
    extract) cp corpus/*.txt "$dir"/
             for d in seeds dev pool html; do
               [ -d "$shared/$d" ] && find "$shared/$d" -name '*.txt' -exec cp {} "$dir"/ \;
             done ;;
    html)    cp tests/fuzz/seeds/html/* "$dir"/
             [ -d "$shared/html" ] && cp "$shared"/html/*.html "$dir"/ ;;
    jsonl)   cp tests/fuzz/seeds/jsonl/* "$dir"/
             python3 - "$dir" corpus/*.txt $(ls "$shared"/dev/*.txt "$shared"/html/*.html \
               2>/dev/null | head -60) <<'EOF'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for i, p in enumerate(sys.argv[2:]):
    body = pathlib.Path(p).read_text(encoding="utf-8", errors="replace")
    key = "html" if p.endswith(".html") else "text"
    line = {"id": i, "url": "https://example.vn/" + pathlib.Path(p).name, key: body}
    (out / f"line-{i:03d}.jsonl").write_text(json.dumps(line, ensure_ascii=i % 2 == 0))
EOF
             ;;
    nomem)   cp tests/fuzz/seeds/nomem/* "$dir"/
             python3 - "$dir" corpus/*.txt tests/fuzz/seeds/html/* tests/fuzz/seeds/jsonl/* <<'EOF'
import pathlib, random, sys
out, rnd = pathlib.Path(sys.argv[1]), random.Random(19)
for i, p in enumerate(sys.argv[2:]):  # a front end byte, four for the allocation, the document
    kind = 1 if "/html/" in p else 2 if "/jsonl/" in p else 0
    head = bytes([kind]) + rnd.getrandbits(32).to_bytes(4, "big")
    (out / f"seed-{i:03d}").write_bytes(head + pathlib.Path(p).read_bytes()[:8192])
EOF
             ;;
  esac
  echo "$dir"
}

# ASan's defaults cost most of an execution here: no stack for each malloc
# (a crash's report keeps its own), a small quarantine (caches stay warm).
export ASAN_OPTIONS=malloc_context_size=0:quarantine_size_mb=16:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
runs=build-fuzz/fuzz-runs.tsv
[ -f "$runs" ] || printf 'date\tharness\tseconds\texecutions\texec_per_s\tcrashed\n' > "$runs"
status=0
for h in "${harnesses[@]}"; do
  work=build-fuzz/corpus-$h
  mkdir -p "$work"
  seeds=$(seed_dir "$h")
  echo "fuzz_$h: $seconds s, max_len $max_len, $(ls "$seeds" | wc -l) seeds"
  log=build-fuzz/fuzz-$h.log
  crashed=0
  nice -n 19 build-fuzz/tests/fuzz/fuzz_$h "$work" "$seeds" -dict=build-fuzz/$h.dict \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix=tests/fuzz/crashes/"$h"- >"$log" 2>&1 || crashed=1
  grep -E "^(#[0-9]+ +DONE)|ERROR|SUMMARY" "$log" || true
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$h" "$seconds" "${execs:-0}" \
    "${rate:-0}" "$crashed" >> "$runs"
  [ $crashed = 0 ] || { echo "fuzz_$h crashed: see $log and tests/fuzz/crashes/"; status=1; }
done
echo "executions so far ($runs):"
awk -F'\t' 'NR > 1 { n[$2] += $4; s[$2] += $3; c[$2] += $6 }
  END { for (h in n) { printf "  %-8s %12d executions in %7d s (%.0f/s), %d crashed runs\n",
                       h, n[h], s[h], n[h] / (s[h] ? s[h] : 1), c[h]; t += n[h] }
        printf "  total    %12d\n", t }' "$runs"
exit $status
