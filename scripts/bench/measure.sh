#!/usr/bin/env bash
# The scale measurements of issue 7 against a seeded database (seed-scale.sh): starts the server with the job
# executor on, measures the task list, the SLA report and the timer lag, and stops the server. Run it under the
# shared CPU lock so that no other benchmark runs at the same time:
#   flock /tmp/powerconnect-cpu.lock scripts/bench/measure.sh [DB] [PORT] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-powerconnect_scale} PORT=${2:-28473} OUT=${3:-target/bench-$(date -u +%Y%m%dT%H%M%SZ)}
N=${BENCH_REQUESTS:-300} NR=${BENCH_REPORT_REQUESTS:-30}
mkdir -p "$OUT"
B=http://127.0.0.1:$PORT
P=scripts/bench/latency.py
pid=$(scripts/bench/server.sh "$DB" "$PORT" "$OUT/server.log")
trap 'kill $pid 2>/dev/null || true' EXIT
echo "server $pid up at $(date -u +%FT%TZ); waiting 30 s for start-up work (recalculation, first scans) to settle"
sleep 30
{
    $P "$B/api/tasks?department=planning-bureau&firstResult=0&maxResults=100" planning-bureau demo "$N" 10 "tasks planning-bureau page 1 as planning-bureau"
    $P "$B/api/tasks?department=planning-bureau&firstResult=0&maxResults=100" supervisor demo "$N" 10 "tasks planning-bureau page 1 as supervisor"
    $P "$B/api/tasks?department=planning-bureau&firstResult=50000&maxResults=100" planning-bureau demo "$N" 10 "tasks planning-bureau page 501 (firstResult=50000) as planning-bureau"
    $P "$B/engine-rest/task?candidateGroup=planning-bureau&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=100" admin demo "$N" 10 "engine-rest task?candidateGroup=planning-bureau page 1 as admin"
    $P "$B/api/reports/sla?from=2026-11-01&to=2026-11-30" supervisor demo "$NR" 3 "SLA report one month (2026-11)"
    $P "$B/api/reports/sla?from=2025-01-01&to=2025-12-31" supervisor demo "$NR" 2 "SLA report one year (2025)"
} | tee "$OUT/latency.txt"
# one answer of each kind kept, for the plausibility checks (tasks present, the report counts the seeded ones)
curl -fsS -u planning-bureau:demo "$B/api/tasks?department=planning-bureau&firstResult=0&maxResults=100" > "$OUT/tasks.json"
curl -fsS -u planning-bureau:demo "$B/api/tasks?department=planning-bureau&firstResult=50000&maxResults=100" > "$OUT/tasks-page501.json"
curl -fsS -u supervisor:demo "$B/api/reports/sla?from=2026-11-01&to=2026-11-30" > "$OUT/report-month.json"
curl -fsS -u supervisor:demo "$B/api/reports/sla?from=2025-01-01&to=2025-12-31" > "$OUT/report-year.json"
for k in ${BENCH_TIMERS:-1000 10000}; do
    echo "timer lag, $k timers due at once:" | tee -a "$OUT/timer-lag.txt"
    scripts/bench/timer-lag.sh "$DB" "$k" 20 "${BENCH_TIMER_TIMEOUT:-900}" | tee -a "$OUT/timer-lag.txt"
done
echo "server log ERROR lines: $(grep -cE ' ERROR ' "$OUT/server.log" || true)"
