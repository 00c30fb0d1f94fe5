#!/usr/bin/env bash
# make demo: Kafka + the services, publish ARTICLES through warta-ingest (oldest
# first, as a live feed sends them),
# wait until the store has them, print a summary per article (for a handful),
# the stories, the contested figures and two searches, then stop everything (also on Ctrl-C
# or failure). The dashboard (warta-web) runs all along; its address is
# printed first.
#   scripts/demo.sh [--keep] [ARTICLES]
#   --keep   leave everything running after the summary, until Ctrl-C
#            (`make demo KEEP=1`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keep=0
if [ "${1:-}" = --keep ]; then keep=1; shift; fi
articles="${1:-$root/examples/articles}"
bin="${WARTA_BUILD:-$root/build}/bin"
state="$(mktemp -d "${TMPDIR:-/tmp}/warta-demo.XXXXXX")"
sleeper=""
cleanup() {
  [ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null || true
  "$root/scripts/services.sh" stop "$state" || true; rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
echo "== starting Kafka and the services (state in $state)"
"$root/scripts/services.sh" start "$state" >/dev/null
source "$state/env"
echo "   Kafka $WARTA_BROKERS · ingest $WARTA_INGEST · enrich $WARTA_ENRICH · store $WARTA_STORE"
echo "   metrics http://$WARTA_METRICS_INGEST/metrics · http://$WARTA_METRICS_ENRICH/metrics · http://$WARTA_METRICS_STORE/metrics"
echo "== dashboard: $WARTA_WEB/  (open it now: stories appear as the articles arrive)"

echo "== publishing $articles through warta-ingest, oldest first"
published_log="$state/publish.log"
set +e
"$bin/warta" publish --oldest_first --to grpc --ingest "$WARTA_INGEST" "$articles" 2> >(tee "$published_log" >&2)
publish_status=$?
set -e
count=$(sed -n 's/^published \([0-9]*\) of.*/\1/p' "$published_log" | tail -1)
[ -n "$count" ] && [ "$count" -gt 0 ] || { echo "demo: nothing was published" >&2; exit 1; }

echo "== waiting until the store holds $count article(s)"
"$bin/warta" wait --store "$WARTA_STORE" --count "$count" --timeout_s 180

echo
if [ "$count" -le 20 ]; then
  "$bin/warta" show --store "$WARTA_STORE"
fi
# Stories: all of them for a handful of articles; for a whole feed, those
# that several sources reported (the largest first).
if [ "$count" -le 20 ]; then
  echo "== stories (articles about one event, across outlets)"
  "$bin/warta" stories --store "$WARTA_STORE" --limit 0 --order size | cut -d' ' -f1 |
    while read -r story; do "$bin/warta" story --store "$WARTA_STORE" "$story"; done
else
  echo "== stories reported by at least 3 sources, largest first (of $("$bin/warta" stories --store "$WARTA_STORE" --limit 0 | wc -l) stories)"
  "$bin/warta" stories --store "$WARTA_STORE" --min_sources 3 --order size --limit 15
fi
echo "== contested claims (same thing, different numbers, different sources)"
contested="$("$bin/warta" contested --store "$WARTA_STORE")"
echo "${contested:-   none among these articles}"
echo
# Full-text search, stemmed: "pembangunan" also finds "membangun", "dibangun".
for query in "pasukan korea utara" "pembangunan"; do
  echo "== search: warta search \"$query\""
  "$bin/warta" search --store "$WARTA_STORE" --limit 2 "$query" 2>&1 || true
done
echo
if [ "$keep" = 1 ]; then
  echo "== done in $(( $(date +%s) - start ))s; everything keeps running until Ctrl-C:"
  echo "   dashboard $WARTA_WEB/ · store $WARTA_STORE · ingest $WARTA_INGEST · brokers $WARTA_BROKERS"
  echo "   (publish more: build/bin/warta publish --to grpc --ingest $WARTA_INGEST FILES)"
  # wait (not a foreground sleep) lets the INT/TERM trap run at once.
  while true; do sleep 3600 & sleeper=$!; wait "$sleeper"; done
fi
echo "== done in $(( $(date +%s) - start ))s; stopping everything (dashboard was $WARTA_WEB/;"
echo "   make demo KEEP=1 keeps it running until Ctrl-C)"
exit $publish_status
