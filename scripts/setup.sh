#!/usr/bin/env bash
# First command of the README: install what is missing, build vnextract, and
# run it over corpus/, printing one JSON record per article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
build/vnextract corpus/
