#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and local experiments.
#
#   scripts/postgres.sh start DIR   initdb into DIR (trust auth, no password),
#                                   start on a free 127.0.0.1 port and a unix
#                                   socket in DIR, create database "warta",
#                                   print the conninfo (also in DIR/conninfo);
#                                   again after a stop: the same port and data
#   scripts/postgres.sh stop DIR    stop it (pg_ctl stop -m fast)
#   scripts/postgres.sh crash DIR   stop it as a crash would (-m immediate)
#
# With WARTA_PG_SSL_DIR=D (D/server.crt and D/server.key, PEM) the server
# also accepts TLS (ssl=on; plaintext still allowed), so clients can use
# sslmode=require or verify-full with sslrootcert=THE_CA.
#
# Needs the PostgreSQL 15 server binaries (Debian package postgresql-15);
# PG_BIN overrides where they are. initdb refuses to run as root, so as root
# the server runs as the unprivileged user "postgres" (created by the Debian
# package; override with PG_USER) and DIR is handed to it. Only for tests:
# trust authentication, fsync off.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=${PG_USER:-postgres}

usage() { echo "usage: $0 start|stop|crash DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$(realpath -m "$2")

# Runs a command as the server's user (as ourselves unless we are root).
as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

case "$cmd" in
  start)
    if [[ ! -x "$PG_BIN/initdb" ]]; then
      echo "$0: $PG_BIN/initdb not found; install the Debian package postgresql-15" >&2
      exit 3
    fi
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      chown "$PG_USER" "$dir"
      chmod 700 "$dir"
    fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      as_server "$PG_BIN/initdb" -D "$dir/data" -U warta -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # A restart keeps its port, so clients' conninfo stays valid.
    if [[ -s "$dir/port" ]]; then port=$(cat "$dir/port"); else port=$(free_port); fi
    ssl_options=""
    if [[ -n ${WARTA_PG_SSL_DIR:-} ]]; then
      # The server refuses a key others can read, or one it does not own.
      install -m 600 "$WARTA_PG_SSL_DIR/server.crt" "$WARTA_PG_SSL_DIR/server.key" "$dir/"
      [[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$dir/server.crt" "$dir/server.key"
      ssl_options="-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
    fi
    echo "$port" >"$dir/port"
    as_server "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $ssl_options" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    for _ in $(seq 100); do
      as_server "$PG_BIN/pg_isready" -q -h "$dir" -p "$port" && break
      sleep 0.1
    done
    if [[ -z $(as_server "$PG_BIN/psql" -tA -h "$dir" -p "$port" -U warta -d postgres \
               -c "SELECT 1 FROM pg_database WHERE datname = 'warta'") ]]; then
      as_server "$PG_BIN/psql" -q -h "$dir" -p "$port" -U warta -d postgres \
        -c "CREATE DATABASE warta" >/dev/null
    fi
    conninfo="host=127.0.0.1 port=$port user=warta dbname=warta"
    echo "$conninfo" >"$dir/conninfo"
    echo "$conninfo"
    ;;
  stop|crash)
    mode=fast; [[ $cmd == crash ]] && mode=immediate
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_server "$PG_BIN/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null
    fi
    ;;
  *) usage ;;
esac
