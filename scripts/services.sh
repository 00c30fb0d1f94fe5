#!/usr/bin/env bash
# Starts and stops a local Warta: one Kafka broker (deploy/kafka/kafka.sh) and
# warta-store, warta-enrich, warta-ingest and warta-web (the dashboard) on free
# ports (each also serving Prometheus metrics on one), all state in one folder.
# Used by `make demo`; source it or run it:
#   scripts/services.sh start DIR   prints the addresses (also in DIR/env)
#   scripts/services.sh stop DIR    SIGTERM to the services, then stops Kafka
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${WARTA_BUILD:-$root/build}/bin"

wait_for_file() {  # path seconds pid
  for _ in $(seq 1 $(( $2 * 10 ))); do
    [ -s "$1" ] && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

start_service() {  # dir name args...
  local dir="$1" name="$2"; shift 2
  "$bin/$name" --listen 127.0.0.1:0 --port_file "$dir/$name.port" \
    --metrics_listen 127.0.0.1:0 --metrics_port_file "$dir/$name.metrics_port" \
    "$@" >"$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
  if ! wait_for_file "$dir/$name.port" 60 "$(cat "$dir/$name.pid")" ||
     ! wait_for_file "$dir/$name.metrics_port" 5 "$(cat "$dir/$name.pid")"; then
    echo "services.sh: $name did not start; its log:" >&2; tail -20 "$dir/$name.log" >&2
    return 1
  fi
}

cmd="${1:-}"; dir="${2:-}"
[ -n "$dir" ] || { echo "usage: services.sh start|stop DIR" >&2; exit 2; }
case "$cmd" in
  start)
    mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
    bootstrap="$("$root/deploy/kafka/kafka.sh" start "$dir/kafka")"
    start_service "$dir" warta-store --brokers "$bootstrap" --db "$dir/warta.db"
    start_service "$dir" warta-web --store "127.0.0.1:$(cat "$dir/warta-store.port")"
    start_service "$dir" warta-enrich --brokers "$bootstrap"
    start_service "$dir" warta-ingest --brokers "$bootstrap"
    cat > "$dir/env" <<ENV
WARTA_BROKERS=$bootstrap
WARTA_INGEST=127.0.0.1:$(cat "$dir/warta-ingest.port")
WARTA_ENRICH=127.0.0.1:$(cat "$dir/warta-enrich.port")
WARTA_STORE=127.0.0.1:$(cat "$dir/warta-store.port")
WARTA_WEB=http://127.0.0.1:$(cat "$dir/warta-web.port")
WARTA_METRICS_INGEST=127.0.0.1:$(cat "$dir/warta-ingest.metrics_port")
WARTA_METRICS_ENRICH=127.0.0.1:$(cat "$dir/warta-enrich.metrics_port")
WARTA_METRICS_STORE=127.0.0.1:$(cat "$dir/warta-store.metrics_port")
WARTA_METRICS_WEB=127.0.0.1:$(cat "$dir/warta-web.metrics_port")
ENV
    cat "$dir/env"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    status=0
    for name in warta-web warta-ingest warta-enrich warta-store; do
      pidfile="$dir/$name.pid"
      [ -f "$pidfile" ] || continue
      pid="$(cat "$pidfile")"
      if kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
          echo "services.sh: $name did not stop in 15s; killing it" >&2
          kill -KILL "$pid" 2>/dev/null || true; status=1
        fi
      fi
      rm -f "$pidfile"
    done
    "$root/deploy/kafka/kafka.sh" stop "$dir/kafka"
    exit $status
    ;;
  *) echo "usage: services.sh start|stop DIR" >&2; exit 2 ;;
esac
