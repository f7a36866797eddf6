#!/usr/bin/env bash
# Plans of the measured requests' slow statements, as the server really sends them: turns on auto_explain
# (ANALYZE, BUFFERS, statements over 50 ms) for the scale database only, starts the server, sends each request a
# few times, stops it, turns auto_explain off again and copies the plans from the PostgreSQL log.
#   flock /tmp/powerconnect-cpu.lock scripts/bench/explain.sh [DB] [PORT] [OUT_FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-powerconnect_scale} PORT=${2:-28474} OUT=${3:-target/bench-explain.txt}
PGLOG=${PGLOG:-/var/log/postgresql/postgresql-15-main.log}
export PGHOST=127.0.0.1 PGUSER=postgres
psql -q -c "alter database $DB set session_preload_libraries = 'auto_explain'" \
     -c "alter database $DB set auto_explain.log_min_duration = '50ms'" \
     -c "alter database $DB set auto_explain.log_analyze = on" \
     -c "alter database $DB set auto_explain.log_buffers = on"
reset() { psql -q -c "alter database $DB reset all"; }
trap reset EXIT
before=$(wc -l < "$PGLOG")
pid=$(scripts/bench/server.sh "$DB" "$PORT" "$(dirname "$OUT")/explain-server.log")
B=http://127.0.0.1:$PORT
sleep 20
mark=$(wc -l < "$PGLOG")
for u in "planning-bureau /api/tasks?department=planning-bureau&maxResults=100" \
         "planning-bureau /api/tasks?department=planning-bureau&firstResult=50000&maxResults=100" \
         "admin /engine-rest/task?candidateGroup=planning-bureau&sortBy=dueDate&sortOrder=asc&maxResults=100" \
         "supervisor /api/reports/sla?from=2026-11-01&to=2026-11-30" \
         "supervisor /api/reports/sla?from=2025-01-01&to=2025-12-31"; do
    set -- $u
    for _ in 1 2 3; do curl -s -o /dev/null -w "$1 $2 %{http_code} %{time_total}s\n" -u "$1:demo" "$B$2"; done
done
kill "$pid"; wait "$pid" 2>/dev/null || true
{ echo "== start-up and background statements over 50 ms"; sed -n "$((before + 1)),${mark}p" "$PGLOG" | grep -A200 "@$DB " | grep -v '^--$' || true
  echo "== the requests' statements over 50 ms"; tail -n +"$((mark + 1))" "$PGLOG" | grep -A200 "@$DB " | grep -v '^--$' || true; } > "$OUT"
echo "plans in $OUT"
