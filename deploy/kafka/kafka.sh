#!/usr/bin/env bash
# Runs real Apache Kafka 3.9 (KRaft, combined broker+controller nodes) on
# 127.0.0.1 for tests and the local run: one broker, or a cluster of N.
#
#   kafka.sh start DIR [TOPIC:PARTITIONS ...]  fetch jars if needed, format KRaft storage
#                                               in DIR, start on free ports, wait until it
#                                               answers, create the topics; prints the
#                                               bootstrap address (also in DIR/bootstrap)
#                                               With KAFKA_SSL_DIR=D (D/ca.crt, D/server.crt,
#                                               D/server.key, PEM, unencrypted key) the broker
#                                               also has an SSL listener that requires client
#                                               certificates signed by D/ca.crt; its address
#                                               is in DIR/bootstrap_ssl
#   kafka.sh stop DIR                           stop the broker cleanly (SIGTERM, then KILL)
#   kafka.sh topics BOOTSTRAP TOPIC:PARTITIONS... create topics (idempotent)
#   kafka.sh cluster-start DIR N [TOPIC:PARTITIONS ...]
#                                               N nodes (DIR/node-1..N, one controller
#                                               quorum); topics and Kafka's internal ones
#                                               with replication min(N,3) and
#                                               min.insync.replicas 2; prints all N addresses
#   kafka.sh cluster-stop DIR                   stop every node
#   kafka.sh node-stop DIR I / node-start DIR I stop / restart node I of a cluster (same
#                                               ports, same data), e.g. mid-stream in a test
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

# Replication factor and min.insync.replicas for new topics (the cluster
# raises them).
REPLICATION=1
MIN_ISR=1

create_topics() {
  local bootstrap="$1"; shift
  local spec name parts
  for spec in "$@"; do
    name="${spec%%:*}"; parts="${spec##*:}"
    [ "$parts" = "$spec" ] && parts=3
    java -Xmx256m -Dlog4j.configuration="file:$LOG4J" -cp "$(java_cp)" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "$bootstrap" --create --if-not-exists \
      --topic "$name" --partitions "$parts" --replication-factor "$REPLICATION" \
      --config "min.insync.replicas=$MIN_ISR" >/dev/null
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

# write_node_config NODE_DIR NODE_ID PORT CONTROLLER_PORT VOTERS [SSL_PORT]
# With SSL_PORT, an SSL listener there from $KAFKA_SSL_DIR's PEM files
# (Kafka reads PEM directly: key and chain in one keystore file).
write_node_config() {
  local listeners="PLAINTEXT://127.0.0.1:$3" ssl=""
  if [ -n "${6:-}" ]; then
    listeners="$listeners,SSL://127.0.0.1:$6"
    cat "$KAFKA_SSL_DIR/server.key" "$KAFKA_SSL_DIR/server.crt" > "$1/ssl-keystore.pem"
    chmod 600 "$1/ssl-keystore.pem"
    ssl="ssl.keystore.type=PEM
ssl.keystore.location=$1/ssl-keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_SSL_DIR/ca.crt
ssl.client.auth=required"
  fi
  cat > "$1/server.properties" <<PROPS
process.roles=broker,controller
node.id=$2
controller.quorum.voters=$5
listeners=$listeners,CONTROLLER://127.0.0.1:$4
advertised.listeners=$listeners
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT
$ssl
inter.broker.listener.name=PLAINTEXT
log.dirs=$1/data
num.partitions=3
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$REPLICATION
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
}

# launch_node NODE_DIR CLUSTER_ID: formats (once) and starts the node in the
# background, its pid in NODE_DIR/pid.
launch_node() {
  local dir="$1"
  if ! java -Xmx256m -Dlog4j.configuration="file:$LOG4J" -cp "$(java_cp)" kafka.tools.StorageTool format \
    -t "$2" -c "$dir/server.properties" --ignore-formatted >"$dir/format.log" 2>&1; then
    echo "kafka.sh: formatting KRaft storage in $dir failed:" >&2; tail -5 "$dir/format.log" >&2; return 1
  fi
  # setsid: the node gets its own process group, so stop can take it down whole.
  setsid java -Xms256m -Xmx${KAFKA_HEAP:-768m} -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$LOG4J" -Dkafka.logs.dir="$dir/logs" \
    -cp "$(java_cp)" kafka.Kafka "$dir/server.properties" >"$dir/broker.log" 2>&1 < /dev/null &
  echo $! > "$dir/pid"
}

# wait_ready NODE_DIR BOOTSTRAP: until the node answers (60 s).
wait_ready() {
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$1/pid")" 2>/dev/null; then
      echo "kafka.sh: broker exited during start-up; last lines of $1/broker.log:" >&2
      tail -20 "$1/broker.log" >&2; return 1
    fi
    if kcat -L -b "$2" -m 2 >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "kafka.sh: broker did not answer on $2" >&2; return 1
}

stop_node() {
  local dir="$1"
  [ -f "$dir/pid" ] || return 0
  local pid; pid="$(cat "$dir/pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
}

new_cluster_id() {
  java -cp "$(java_cp)" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1
}

# The cluster's nodes: DIR/nodes holds "ID PORT CONTROLLER_PORT" lines.
node_line() { awk -v id="$2" '$1 == id' "$1/nodes"; }
cluster_bootstrap() { awk '{printf "%s127.0.0.1:%s", (NR > 1 ? "," : ""), $2} END {print ""}' "$1/nodes"; }

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
    sport=""
    if [ -n "${KAFKA_SSL_DIR:-}" ]; then
      sport=$(free_port)
      while [ "$sport" = "$port" ] || [ "$sport" = "$cport" ]; do sport=$(free_port); done
    fi
    write_node_config "$dir" 1 "$port" "$cport" "1@127.0.0.1:$cport" "$sport"
    # A restart in the same DIR keeps its data, so it keeps its cluster id.
    [ -s "$dir/cluster.id" ] || new_cluster_id > "$dir/cluster.id"
    launch_node "$dir" "$(cat "$dir/cluster.id")"
    bootstrap="127.0.0.1:$port"
    wait_ready "$dir" "$bootstrap" || { "$0" stop "$dir"; exit 1; }
    create_topics "$bootstrap" "${topics[@]}"
    echo "$bootstrap" > "$dir/bootstrap"
    if [ -n "$sport" ]; then echo "127.0.0.1:$sport" > "$dir/bootstrap_ssl"; fi
    echo "$bootstrap"
    ;;
  stop)
    stop_node "${1:?usage: kafka.sh stop DIR}"
    ;;
  cluster-start)
    dir="${1:?usage: kafka.sh cluster-start DIR N [TOPIC:PARTITIONS ...]}"
    n="${2:?usage: kafka.sh cluster-start DIR N [TOPIC:PARTITIONS ...]}"; shift 2
    topics=("$@"); ((${#topics[@]})) || topics=("${default_topics[@]}")
    "$here/fetch.sh" >&2
    mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
    write_log4j "$dir"
    REPLICATION=$(( n < 3 ? n : 3 )); MIN_ISR=$(( REPLICATION < 2 ? 1 : 2 ))
    if [ ! -s "$dir/nodes" ]; then
      : > "$dir/nodes"
      used=" "
      for i in $(seq 1 "$n"); do
        for which in port cport; do
          p=$(free_port); while [[ "$used" == *" $p "* ]]; do p=$(free_port); done
          used="$used$p "; eval "$which=$p"
        done
        echo "$i $port $cport" >> "$dir/nodes"
      done
      new_cluster_id > "$dir/cluster.id"
    fi
    voters=$(awk '{printf "%s%s@127.0.0.1:%s", (NR > 1 ? "," : ""), $1, $3}' "$dir/nodes")
    echo "$REPLICATION $MIN_ISR" > "$dir/replication"
    while read -r i port cport; do
      mkdir -p "$dir/node-$i"
      write_node_config "$dir/node-$i" "$i" "$port" "$cport" "$voters"
      KAFKA_HEAP=${KAFKA_HEAP:-512m} launch_node "$dir/node-$i" "$(cat "$dir/cluster.id")" ||
        { "$0" cluster-stop "$dir"; exit 1; }
    done < "$dir/nodes"
    while read -r i port cport; do
      wait_ready "$dir/node-$i" "127.0.0.1:$port" || { "$0" cluster-stop "$dir"; exit 1; }
    done < "$dir/nodes"
    bootstrap="$(cluster_bootstrap "$dir")"
    create_topics "$bootstrap" "${topics[@]}"
    echo "$bootstrap" > "$dir/bootstrap"
    echo "$bootstrap"
    ;;
  cluster-stop)
    dir="${1:?usage: kafka.sh cluster-stop DIR}"
    [ -f "$dir/nodes" ] || exit 0
    while read -r i _ _; do stop_node "$dir/node-$i" & done < "$dir/nodes"
    wait
    ;;
  node-stop)
    dir="${1:?usage: kafka.sh node-stop DIR I}"; i="${2:?usage: kafka.sh node-stop DIR I}"
    stop_node "$dir/node-$i"
    ;;
  node-start)
    dir="${1:?usage: kafka.sh node-start DIR I}"; i="${2:?usage: kafka.sh node-start DIR I}"
    read -r _ port _ <<< "$(node_line "$dir" "$i")"
    [ -n "$port" ] || { echo "kafka.sh: no node $i in $dir" >&2; exit 1; }
    write_log4j "$dir"
    KAFKA_HEAP=${KAFKA_HEAP:-512m} launch_node "$dir/node-$i" "$(cat "$dir/cluster.id")"
    wait_ready "$dir/node-$i" "127.0.0.1:$port"
    ;;
  topics)
    bootstrap="${1:?usage: kafka.sh topics BOOTSTRAP TOPIC:PARTITIONS...}"; shift
    tmp="$(mktemp -d)"; write_log4j "$tmp"
    topics=("$@"); ((${#topics[@]})) || topics=("${default_topics[@]}")
    create_topics "$bootstrap" "${topics[@]}"; rm -rf "$tmp"
    ;;
  *)
    sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
