#!/usr/bin/env bash
# make models: rebuilds the committed model files from ../shared/data
# (deterministic: the same data gives byte-identical files).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data}"
bin="${WARTA_BUILD:-$root/build}/bin"
[ -d "$data" ] || { echo "train-models: $data not found (pass the shared data folder)" >&2; exit 1; }
# Word frequencies (wordfreq, CC BY-SA 4.0) for the trainers, exported once.
wordfreq_dir="${WARTA_BUILD:-$root/build}/wordfreq"
echo "== wordfreq word lists -> $wordfreq_dir"
"$root/.tools/venv/bin/python" "$root/training/wordfreq/export_wordfreq.py" --out="$wordfreq_dir"
echo "== language identification -> models/langid/"
time "$bin/warta-train-langid" --data_dir="$data" --wordfreq_dir="$wordfreq_dir" \
  --out="$root/models/langid/nusantara-v1.bin"
echo "== named entities -> models/ner/ (Indonesian sets from $data, English GUM from training/ner/gum/)"
time "$bin/warta-train-ner" --data_dir="$data" --wordfreq_dir="$wordfreq_dir" \
  --out="$root/models/ner/ner.model"
echo "== story word weights -> models/stories/"
time "$bin/warta-train-story-idf" --data_dir="$data" --out="$root/models/stories/idf.tsv"
git -C "$root" status --short models/ || true
