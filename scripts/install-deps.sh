#!/usr/bin/env bash
# Install the Debian packages vnextract needs to build and test, if missing.
# Runs apt-get as root (or through sudo); does nothing when all are present.
set -euo pipefail

# parallel, valgrind, clang: the batch test, scripts/valgrind.sh, scripts/fuzz.sh;
# chromium and a font: the review page test (headless browser, screenshot);
# zlib1g-dev: the review page's compressed data; man-db: the install test
# reads the installed man pages; python3-dask and
# python3-distributed: the Dask recipe's test (python/examples).
packages=(build-essential cmake pkg-config python3 libpcre2-dev libicu-dev libjson-c-dev
          libgumbo-dev zlib1g-dev check jq parallel valgrind clang chromium fonts-dejavu-core man-db
          python3-dask python3-distributed)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
