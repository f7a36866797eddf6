#!/usr/bin/env bash
# The benchmark: scripts/bench/run-benchmark.sh [applications] [clients] [warm-up applications]
#
# Runs the load driver (src/test/java/benchmark/LoadDriver.java) first against our server, then
# against the plain-Camunda baseline (src/test/java/benchmark/baseline/BaselineServer.java), one after the other on this machine,
# each on a fresh PostgreSQL database of its own, and prints both results and their ratios (BENCHMARKS.md).
# Defaults: 400 applications, 16 clients, 50 warm-up applications. Needs PostgreSQL at $PGHOST:$PGPORT
# (127.0.0.1:5432, user postgres), curl, and nothing else running that competes for the CPU.
# Results: target/bench/{powerconnect,baseline}.json, server logs target/bench/*.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

APPLICATIONS="${1:-400}"
CLIENTS="${2:-16}"
WARMUP="${3:-50}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
OURS_PORT="${OURS_PORT:-18080}"
BASELINE_PORT="${BASELINE_PORT:-18090}"
# the same heap for both servers, so that neither wins by memory
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms1g -Xmx2g}"
OUT=target/bench
mkdir -p "$OUT"

echo "run-benchmark.sh: compiling, and resolving the classpath"
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
DEPS=$(cat "$OUT/classpath.txt")

fresh_db() {
    psql -q -d postgres -c "drop database if exists $1 with (force)" -c "create database $1" >/dev/null
}

server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop_server EXIT

wait_for() {  # url, log file
    for _ in $(seq 1 180); do
        if curl -fs -o /dev/null "$1"; then return 0; fi
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "run-benchmark.sh: the server stopped while starting; see $2" >&2; exit 1
        fi
        sleep 1
    done
    echo "run-benchmark.sh: the server did not answer $1 within 3 minutes; see $2" >&2
    exit 1
}

drive() {  # target, url
    java -cp "target/test-classes:target/classes:$DEPS" benchmark.LoadDriver \
        --target="$1" --url="$2" --applications="$APPLICATIONS" --clients="$CLIENTS" --warmup="$WARMUP" \
        --out="$OUT/$1.json"
}

echo "run-benchmark.sh: PowerConnect on database powerconnect_bench, port $OURS_PORT"
fresh_db powerconnect_bench
# postgres,default: PostgreSQL with the demo users (password "demo") that the driver signs in as
POWERCONNECT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/powerconnect_bench" POWERCONNECT_DB_USER="$PGUSER" \
    java $JAVA_OPTS -cp "target/classes:$DEPS" org.powerconnect.PowerConnectApplication \
    --spring.profiles.active=postgres,default --server.port="$OURS_PORT" >"$OUT/powerconnect.log" 2>&1 &
server_pid=$!
wait_for "http://localhost:$OURS_PORT/actuator/health" "$OUT/powerconnect.log"
drive powerconnect "http://localhost:$OURS_PORT"
stop_server

echo "run-benchmark.sh: plain Camunda baseline on database powerconnect_bench_baseline, port $BASELINE_PORT"
fresh_db powerconnect_bench_baseline
BASELINE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/powerconnect_bench_baseline" BASELINE_DB_USER="$PGUSER" \
    java $JAVA_OPTS -cp "target/test-classes:target/classes:$DEPS" benchmark.baseline.BaselineServer \
    --server.port="$BASELINE_PORT" >"$OUT/baseline.log" 2>&1 &
server_pid=$!
wait_for "http://localhost:$BASELINE_PORT/engine-rest/process-definition/key/ConnectionApplicationProcess" "$OUT/baseline.log"
drive baseline "http://localhost:$BASELINE_PORT"
stop_server

echo
echo "run-benchmark.sh: PowerConnect against the baseline ($APPLICATIONS applications, $CLIENTS clients, $(nproc) cores)"
java -cp "target/test-classes:target/classes:$DEPS" benchmark.LoadDriver compare \
    "$OUT/powerconnect.json" "$OUT/baseline.json" | tee "$OUT/comparison.md"
