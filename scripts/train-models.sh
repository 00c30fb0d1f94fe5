#!/usr/bin/env bash
# make models: rebuilds the committed model files from ../shared/data
# (deterministic: the same data gives byte-identical files).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data}"
bin="${WARTA_BUILD:-$root/build}/bin"
[ -d "$data" ] || { echo "train-models: $data not found (pass the shared data folder)" >&2; exit 1; }
echo "== language identification -> models/langid/"
time "$bin/warta-train-langid" --data_dir="$data" --out="$root/models/langid/nusantara-v1.bin"
echo "== named entities -> models/ner/"
time "$bin/warta-train-ner" --data_dir="$data" --out="$root/models/ner/ner.model"
echo "== story word weights -> models/stories/"
time "$bin/warta-train-story-idf" --data_dir="$data" --out="$root/models/stories/idf.tsv"
git -C "$root" status --short models/ || true
