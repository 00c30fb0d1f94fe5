#!/usr/bin/env bash
# make bench: the benchmark programs over ../shared/data/news (figures, not tests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data}"
bin="${WARTA_BUILD:-$root/build}/bin"
export WARTA_SHARED_DATA="$data"
for b in bench_text bench_language bench_entities bench_claims bench_pipeline warta_storage_bench; do
  echo "== $b"
  "$bin/$b" --benchmark_counters_tabular=true
done
# The whole pipeline on a real broker: enrich-only vs. Kafka vs. ingest -> enrich -> store.
echo "== whole pipeline (bench/pipeline/whole_pipeline.py)"
WARTA_BUILD="${WARTA_BUILD:-$root/build}" "$root/.tools/venv/bin/python" "$root/bench/pipeline/whole_pipeline.py"
