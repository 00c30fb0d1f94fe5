#!/usr/bin/env bash
# make fuzz (long runs) and the fuzz smoke run inside make test: builds the
# libFuzzer targets with clang into build-fuzz/ and runs each for SECONDS
# seconds, starting from its committed seeds (fuzz/<area>/corpus). Inputs
# that found new coverage go to build-fuzz/corpus/<target>/, findings
# (crash-*, timeout-*, leak-*) to build-fuzz/findings/<target>/. Prints the
# executions and executions per second of each target; exits 1 on a finding.
#
# Usage: scripts/fuzz.sh SECONDS
# Without clang and its fuzzer runtime (clang, libclang-rt-14-dev) it says so
# and exits 0, or 1 under CI=true, where scripts/install-deps.sh provides them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
build="${WARTA_FUZZ_BUILD:-$root/build-fuzz}"
targets=(text dates claims article page_token)

if ! command -v clang++ >/dev/null ||
   [ ! -f "$(clang++ -print-runtime-dir 2>/dev/null)/libclang_rt.fuzzer-x86_64.a" ]; then
  echo "fuzz: skipped, clang with libFuzzer is not installed (apt-get install clang libclang-rt-14-dev)"
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DWARTA_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

printf '%-16s %12s %10s %s\n' target executions exec/s result
failed=0
for t in "${targets[@]}"; do
  name="fuzz_$t"
  mkdir -p "$build/corpus/$name" "$build/findings/$name"
  log="$build/findings/$name/last-run.log"
  # A generous -timeout: the machine may be shared, a slow input is not a hang.
  if "$build/bin/$name" -max_total_time="$seconds" -max_len=4096 -timeout=60 \
       -print_final_stats=1 -artifact_prefix="$build/findings/$name/" \
       "$build/corpus/$name" "$root/fuzz/$t/corpus" >"$log" 2>&1; then
    result=clean
  else
    result="FINDING, see $log"
    failed=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  printf '%-16s %12s %10s %s\n' "$name" "${runs:-?}" "$(( ${runs:-0} / (${secs:-1} > 0 ? ${secs:-1} : 1) ))" "$result"
done
exit "$failed"
