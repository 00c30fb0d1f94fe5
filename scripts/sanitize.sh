#!/usr/bin/env bash
# make sanitize: the unit tests (ctest) and the integration tests (pytest,
# real Kafka and PostgreSQL, the services started from build-asan/bin) with
# every Warta binary built with AddressSanitizer and UndefinedBehaviorSanitizer
# (GCC) into build-asan/.
#
# make sanitize-smoke (scripts/sanitize.sh --smoke, part of make test): the
# same flags, options and report checks, but only the unit tests of the cores
# that read untrusted input (the target warta_sanitize_smoke in
# tests/unit/CMakeLists.txt) into build-asan-smoke/, and no integration tests:
# a full sanitized build takes too long for CI.
#
# Any report fails the run: UBSan stops at the first finding, and any report
# (also from a service a test only SIGTERMs) found in <build>/sanitizer-logs/,
# the services' logs or ctest's log fails the run. Prints how long the build
# and each test step took.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
smoke=false
if [ "${1:-}" = --smoke ]; then
  smoke=true
  build="${WARTA_ASAN_SMOKE_BUILD:-$root/build-asan-smoke}"
else
  build="${WARTA_ASAN_BUILD:-$root/build-asan}"
fi
jobs="${JOBS:-$(nproc)}"
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
targets=()
ctest_args=()
if $smoke; then
  targets=(--target warta_sanitize_smoke)
  # ctest lists the tests of the executables the smoke build leaves out as
  # <target>_NOT_BUILT (gtest_discover_tests), and the PostgreSQL store's
  # (label integration); neither runs here.
  ctest_args=(-E '_NOT_BUILT$' -LE integration)
fi
start=$SECONDS
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j "$jobs" "${targets[@]}"
build_seconds=$((SECONDS - start))

logs="$build/sanitizer-logs"
rm -rf "$logs" && mkdir -p "$logs"
supp="$root/scripts/sanitizer-suppressions"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:log_path=$logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"

status=0
start=$SECONDS
(cd "$build" && ctest --output-on-failure -j "$jobs" "${ctest_args[@]}") || status=1
ctest_seconds=$((SECONDS - start))
rm -rf "$build/pytest-tmp"
if $smoke; then
  echo "sanitize-smoke: build ${build_seconds}s, ctest ${ctest_seconds}s"
else
  start=$SECONDS
  # The sanitized services run several times slower: tests scale their waits.
  WARTA_TEST_SLOWDOWN="${WARTA_TEST_SLOWDOWN:-4}" WARTA_BUILD="$build" "$root/.tools/venv/bin/python" -m pytest -q --basetemp="$build/pytest-tmp" \
    "$root/tests/integration" || status=1
  pytest_seconds=$((SECONDS - start))
  echo "sanitize: build ${build_seconds}s, ctest ${ctest_seconds}s, integration ${pytest_seconds}s"
fi
# Reports land in log_path files, or (seen with UBSan inside a service) in
# the service's own log under the pytest directory, or in ctest's log.
reports=$(grep -rlE "runtime error:|ERROR: (Address|Leak)Sanitizer" "$logs" "$build/pytest-tmp" \
  "$build/Testing/Temporary" 2>/dev/null || true)
if [ -n "$reports" ]; then
  echo "sanitize: sanitizer reports:"
  for f in $reports; do
    echo "== $f"
    grep -E -A12 "runtime error:|ERROR: (Address|Leak)Sanitizer" "$f" | head -40
  done
  status=1
fi
exit "$status"
