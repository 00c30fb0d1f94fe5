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
# make tsan (scripts/sanitize.sh --thread): the same two test steps with
# every Warta binary built with ThreadSanitizer (GCC) into build-tsan/, plus
# scripts/tsan/tsan.cmake, which makes TSan see Debian's (uninstrumented)
# absl::Mutex. What TSan cannot see inside the uninstrumented libraries is
# ignored as scripts/sanitizer-suppressions/tsan.supp says, and why.
#
# make tsan-smoke (--thread-smoke, not in make test): TSan, but only the
# threaded unit tests of the target warta_tsan_smoke into build-tsan-smoke/.
#
# Any report fails the run: UBSan stops at the first finding, and any report
# (also from a service a test only SIGTERMs) found in <build>/sanitizer-logs/,
# the services' logs or ctest's log fails the run. Prints how long the build
# and each test step took.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
smoke=false
thread=false
sanitizers=address,undefined
name=sanitize
case "${1:-}" in
  --smoke)
    smoke=true
    name=sanitize-smoke
    build="${WARTA_ASAN_SMOKE_BUILD:-$root/build-asan-smoke}" ;;
  --thread)
    thread=true
    sanitizers=thread
    name=tsan
    build="${WARTA_TSAN_BUILD:-$root/build-tsan}" ;;
  --thread-smoke)
    smoke=true
    thread=true
    sanitizers=thread
    name=tsan-smoke
    build="${WARTA_TSAN_SMOKE_BUILD:-$root/build-tsan-smoke}" ;;
  *)
    build="${WARTA_ASAN_BUILD:-$root/build-asan}" ;;
esac
jobs="${JOBS:-$(nproc)}"
flags="-fsanitize=$sanitizers -fno-omit-frame-pointer"
$thread || flags="$flags -fno-sanitize-recover=all"
# Under __SANITIZE_THREAD__ protobuf's headers give every map field two more
# words (MapFieldBase's seq1_, seq2_): our code would then disagree with the
# uninstrumented libprotobuf on the layout of its messages (reading a parsed
# google.protobuf.Struct crashed). Without the macro the headers match the
# libraries; only the instrumentation comes from -fsanitize=thread.
$thread && flags="$flags -U__SANITIZE_THREAD__"

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
targets=()
ctest_args=()
extra=()
if $thread; then
  extra=(-DCMAKE_PROJECT_warta_INCLUDE="$root/scripts/tsan/tsan.cmake")
fi
if $smoke; then
  targets=(--target warta_sanitize_smoke)
  $thread && targets=(--target warta_tsan_smoke)
  # ctest lists the tests of the executables the smoke build leaves out as
  # <target>_NOT_BUILT (gtest_discover_tests), and the PostgreSQL store's
  # (label integration); neither runs here.
  ctest_args=(-E '_NOT_BUILT$' -LE integration)
fi
start=$SECONDS
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=$sanitizers" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=$sanitizers" "${extra[@]}" >/dev/null
cmake --build "$build" -j "$jobs" "${targets[@]}"
build_seconds=$((SECONDS - start))

logs="$build/sanitizer-logs"
rm -rf "$logs" && mkdir -p "$logs"
supp="$root/scripts/sanitizer-suppressions"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:log_path=$logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
# No halt_on_error: one run lists every race (a process with a report still
# exits 66, which fails its test, and the logs below fail the run).
export TSAN_OPTIONS="suppressions=$supp/tsan.supp:print_suppressions=0:log_path=$logs/tsan:second_deadlock_stack=1:history_size=4"

status=0
start=$SECONDS
(cd "$build" && ctest --output-on-failure -j "$jobs" "${ctest_args[@]}") || status=1
ctest_seconds=$((SECONDS - start))
rm -rf "$build/pytest-tmp"
if $smoke; then
  echo "$name: build ${build_seconds}s, ctest ${ctest_seconds}s"
else
  start=$SECONDS
  # The sanitized services run several times slower: tests scale their waits.
  slowdown=4
  $thread && slowdown=8
  WARTA_TEST_SLOWDOWN="${WARTA_TEST_SLOWDOWN:-$slowdown}" WARTA_BUILD="$build" "$root/.tools/venv/bin/python" -m pytest -q --basetemp="$build/pytest-tmp" \
    "$root/tests/integration" || status=1
  pytest_seconds=$((SECONDS - start))
  echo "$name: build ${build_seconds}s, ctest ${ctest_seconds}s, integration ${pytest_seconds}s"
fi
# Reports land in log_path files, or (seen with UBSan inside a service) in
# the service's own log under the pytest directory, or in ctest's log.
report="runtime error:|ERROR: (Address|Leak)Sanitizer|(WARNING|ERROR|FATAL): ThreadSanitizer"
reports=$(grep -rlE "$report" "$logs" "$build/pytest-tmp" "$build/Testing/Temporary" 2>/dev/null || true)
if [ -n "$reports" ]; then
  echo "$name: sanitizer reports:"
  for f in $reports; do
    echo "== $f"
    grep -E -A30 "$report" "$f" | head -60
  done
  status=1
fi
exit "$status"
