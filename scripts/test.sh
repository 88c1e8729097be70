#!/usr/bin/env bash
# Second command of the README (and what CI runs): install what is missing,
# build, and run the whole test suite with ctest; then the same suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer, and the API tests
# (one extractor shared by threads) under ThreadSanitizer (skip those
# passes with VNX_NO_SANITIZE=1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "${VNX_NO_SANITIZE:-0}" != 1 ]; then
  echo "== the suite again under ASan + UBSan (build-asan/) =="
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DVNX_SANITIZE=ON -DBUILD_TESTING=ON >/dev/null
  cmake --build build-asan -j"$jobs" >/dev/null
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
  echo "== one extractor shared by threads, under TSan (build-tsan/) =="
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DVNX_TSAN=ON -DBUILD_TESTING=ON >/dev/null
  cmake --build build-tsan -j"$jobs" --target test_api >/dev/null
  TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -j"$jobs" \
    -R '^unit_test_api$'
fi
