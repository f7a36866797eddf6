#!/usr/bin/env bash
# Starts the PowerConnect server from the compiled classes (target/classes, after ./mvnw -o compile) against
# a scale database, in the background, and waits until it answers. Prints the PID.
#   scripts/bench/server.sh DB PORT LOGFILE
# The default profile comes after postgres so the demo users (password "demo") exist, as in the README.
# The JVM runs in UTC: seed-scale.sql and timer-lag.sh write Camunda's job due dates (timestamps without a zone,
# which the engine reads in the JVM's zone) in UTC.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:?database} PORT=${2:?port} LOG=${3:?log file}
CP_FILE=target/bench-classpath.txt
if [ ! -s "$CP_FILE" ]; then
    # offline first; the dependency plugin itself may not be in the local repository yet
    ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null 2>&1 ||
        ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
fi
SPRING_PROFILES_ACTIVE=postgres,default POWERCONNECT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORT="$PORT" \
    nohup java ${JAVA_OPTS:--Xmx2g} -Duser.timezone=UTC -cp "target/classes:$(cat "$CP_FILE")" org.powerconnect.PowerConnectApplication \
    >"$LOG" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "server died, see $LOG" >&2; exit 1; }
    sleep 1
done
echo "server did not answer within 600 s, see $LOG" >&2; exit 1
