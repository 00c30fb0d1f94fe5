#!/usr/bin/env bash
# Runs one real Apache Kafka 3.9 broker (KRaft, combined broker+controller) on
# 127.0.0.1 for tests and the local run.
#
#   kafka.sh start DIR [TOPIC:PARTITIONS ...]  fetch jars if needed, format KRaft storage
#                                               in DIR, start on free ports, wait until it
#                                               answers, create the topics; prints the
#                                               bootstrap address (also in DIR/bootstrap)
#   kafka.sh stop DIR                           stop the broker cleanly (SIGTERM, then KILL)
#   kafka.sh topics BOOTSTRAP TOPIC:PARTITIONS... create topics (idempotent)
#
# Default topics: articles.raw:3 articles.enriched:3 articles.dlq:1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="$root/.tools/kafka/libs"
default_topics=(articles.raw:3 articles.enriched:3 articles.dlq:1)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

java_cp() { echo "$libs/*"; }

create_topics() {
  local bootstrap="$1"; shift
  local spec name parts
  for spec in "$@"; do
    name="${spec%%:*}"; parts="${spec##*:}"
    [ "$parts" = "$spec" ] && parts=3
    java -Xmx256m -Dlog4j.configuration="file:$LOG4J" -cp "$(java_cp)" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "$bootstrap" --create --if-not-exists \
      --topic "$name" --partitions "$parts" --replication-factor 1 >/dev/null
  done
}

write_log4j() {
  LOG4J="$1/log4j.properties"
  cat > "$LOG4J" <<L4J
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
L4J
}

cmd="${1:-}"; shift || true
case "$cmd" in
  start)
    dir="${1:?usage: kafka.sh start DIR [TOPIC:PARTITIONS ...]}"; shift
    topics=("$@"); ((${#topics[@]})) || topics=("${default_topics[@]}")
    # stdout is for the bootstrap address alone (callers read it).
    "$here/fetch.sh" >&2
    mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
    if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      echo "kafka.sh: a broker is already running from $dir (pid $(cat "$dir/pid"))" >&2; exit 1
    fi
    write_log4j "$dir"
    port=$(free_port); cport=$(free_port)
    while [ "$cport" = "$port" ]; do cport=$(free_port); done
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
    # A restart in the same DIR keeps its data, so it keeps its cluster id.
    [ -s "$dir/cluster.id" ] || java -cp "$(java_cp)" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1 > "$dir/cluster.id"
    if ! java -Xmx256m -Dlog4j.configuration="file:$LOG4J" -cp "$(java_cp)" kafka.tools.StorageTool format \
      -t "$(cat "$dir/cluster.id")" -c "$dir/server.properties" --ignore-formatted >"$dir/format.log" 2>&1; then
      echo "kafka.sh: formatting KRaft storage in $dir failed:" >&2; tail -5 "$dir/format.log" >&2; exit 1
    fi
    # setsid: the broker gets its own process group, so stop can take it down whole.
    setsid java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j.configuration="file:$LOG4J" -Dkafka.logs.dir="$dir/logs" \
      -cp "$(java_cp)" kafka.Kafka "$dir/server.properties" >"$dir/broker.log" 2>&1 < /dev/null &
    echo $! > "$dir/pid"
    bootstrap="127.0.0.1:$port"
    for _ in $(seq 1 120); do
      if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        echo "kafka.sh: broker exited during start-up; last lines of $dir/broker.log:" >&2
        tail -20 "$dir/broker.log" >&2; exit 1
      fi
      if kcat -L -b "$bootstrap" -m 2 >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    kcat -L -b "$bootstrap" -m 2 >/dev/null 2>&1 || { echo "kafka.sh: broker did not answer on $bootstrap" >&2; "$0" stop "$dir"; exit 1; }
    create_topics "$bootstrap" "${topics[@]}"
    echo "$bootstrap" > "$dir/bootstrap"
    echo "$bootstrap"
    ;;
  stop)
    dir="${1:?usage: kafka.sh stop DIR}"
    [ -f "$dir/pid" ] || exit 0
    pid="$(cat "$dir/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
    ;;
  topics)
    bootstrap="${1:?usage: kafka.sh topics BOOTSTRAP TOPIC:PARTITIONS...}"; shift
    tmp="$(mktemp -d)"; write_log4j "$tmp"
    topics=("$@"); ((${#topics[@]})) || topics=("${default_topics[@]}")
    create_topics "$bootstrap" "${topics[@]}"; rm -rf "$tmp"
    ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
