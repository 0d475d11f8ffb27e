#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker in KRaft mode (port $KAFKA_PORT) from the Kafka jars that
# Maven resolves (deploy/local/kafka), formats its storage once and creates the platform's topics.
# Idempotent: when the broker already runs, it only makes sure the topics exist.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

HERE="$ROOT/deploy/local/kafka"
LIBS="$HERE/target/libs"
DIR="$LOCAL_DIR/kafka"
PIDFILE="$DIR/kafka.pid"
mkdir -p "$DIR" "$LOCAL_DIR/logs"
command -v java >/dev/null || die "java not found: install a JDK 17 or newer"

if [ ! -f "$LIBS/kafka_2.13-4.4.0.jar" ]; then
  log "Resolving the Kafka broker jars with Maven"
  mvn -B -q -f "$HERE/pom.xml" package >/dev/null || die "could not resolve the Kafka jars (mvn -f $HERE/pom.xml package)"
fi
CP="$LIBS/*"

if pid_alive "$PIDFILE"; then
  log "Kafka already runs on port $KAFKA_PORT (pid $(cat "$PIDFILE"))"
else
  cat > "$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$DIR/data/meta.properties" ]; then
    log "Formatting Kafka storage in $DIR/data"
    CLUSTER_ID=$(java -cp "$CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -Dlog4j2.configurationFile="$HERE/log4j2.properties" -cp "$CP" kafka.tools.StorageTool format \
      -t "$CLUSTER_ID" -c "$DIR/server.properties" >/dev/null
  fi
  # The ports lie in the kernel's ephemeral range: an outgoing connection of another process may hold one for a moment
  # ("Address already in use"). The broker then stops at once; it is started again, up to three times.
  for attempt in 1 2 3; do
    log "Starting Kafka on port $KAFKA_PORT"
    nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$HERE/log4j2.properties" -cp "$CP" \
      kafka.Kafka "$DIR/server.properties" > "$LOCAL_DIR/logs/kafka.log" 2>&1 &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 180); do
      (exec 3<>/dev/tcp/127.0.0.1/"$KAFKA_PORT") 2>/dev/null && break 2
      pid_alive "$PIDFILE" || break
      sleep 0.5
    done
    pid_alive "$PIDFILE" && kill "$(cat "$PIDFILE")" 2>/dev/null
    grep -q "Address already in use" "$LOCAL_DIR/logs/kafka.log" || die "Kafka did not open port $KAFKA_PORT; see $LOCAL_DIR/logs/kafka.log"
    [ "$attempt" -lt 3 ] || die "Kafka's ports stayed in use; see $LOCAL_DIR/logs/kafka.log"
    log "A port of Kafka was in use for a moment; starting it again"
    sleep 3
  done
fi

for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if out=$(java -cp "$CP" "$HERE/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$HERE/topics.txt" 2>"$DIR/topics.err"); then
    log "Kafka topics ready: $out"; exit 0
  fi
  sleep 2
done
die "could not create the Kafka topics: $(tail -3 "$DIR/topics.err")"
