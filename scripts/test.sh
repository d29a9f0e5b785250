#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs the whole suite
# through CTest, then builds again with AddressSanitizer + UndefinedBehaviorSanitizer
# and runs the suite once more. SHEETGEN_SKIP_SANITIZERS=1 skips the second pass.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

bash scripts/install-deps.sh
echo "== build and test (${BUILD_DIR:-build})"
bash scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$jobs"

if [[ "${SHEETGEN_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "== build and test with ASan + UBSan (build-asan)"
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DSHEETGEN_SANITIZE=ON
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi
