#!/usr/bin/env bash
# Builds the scale database: 100 000 open applications with their Camunda runtime rows and 1 000 000 completed
# ones in history, cloned in SQL from a few applications the real server made (issue 7).
#   scripts/bench/seed-scale.sh [DB] [OPEN] [COMPLETED]      (default powerconnect_scale 100000 1000000)
# Needs target/classes (./mvnw -q compile), PostgreSQL at 127.0.0.1:5432 (user postgres), curl, jq. The template
# server listens on port $BENCH_PORT (default 28471).
# Steps: (1) a template database DB_tpl: one server start creates the schema, users and the deployment; a second
# start drives the template applications (make-templates.sh) and answers the working-day look-ups
# (due-lookup.sh); (2) DB is created as a copy of DB_tpl and seed-scale.sql clones the templates.
# Run it under the shared CPU lock: flock /tmp/powerconnect-cpu.lock scripts/bench/seed-scale.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-powerconnect_scale} OPEN=${2:-100000} COMPLETED=${3:-1000000}
TPL=${DB}_tpl PORT=${BENCH_PORT:-28471}
export PGHOST=127.0.0.1 PGUSER=postgres
case $DB in powerconnect_scale*) ;; *) echo "refusing: $DB is not a powerconnect_scale* database" >&2; exit 2;; esac
LOG=$(mktemp -d)
pid=
# a failed step must not leave the template server running; its logs stay in $LOG for a look
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT
start=$(date +%s)
if ! psql -d "$TPL" -Atc 'select 1 from bench_template limit 1' >/dev/null 2>&1; then
    dropdb --if-exists "$TPL"; createdb "$TPL"
    pid=$(scripts/bench/server.sh "$TPL" "$PORT" "$LOG/deploy.log"); kill "$pid"; wait "$pid" 2>/dev/null || true
    sleep 2
    pid=$(scripts/bench/server.sh "$TPL" "$PORT" "$LOG/templates.log")
    scripts/bench/make-templates.sh "http://127.0.0.1:$PORT" > "$LOG/templates.txt"
    scripts/bench/due-lookup.sh "http://127.0.0.1:$PORT" 2026-06-01 2026-12-31 > "$LOG/due.csv"
    sleep 3; kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; sleep 2
    psql -q -d "$TPL" -c 'create table bench_template (kind char(1) primary key, application_no varchar(32) not null)' \
        -c 'create table bench_due (start_day date, working_days int, due_date date, due_at timestamptz, provisional boolean, primary key (start_day, working_days))' \
        -c "\\copy bench_template from '$LOG/templates.txt' with (delimiter ' ')" \
        -c "\\copy bench_due from '$LOG/due.csv' with (format csv)"
fi
echo "templates ready after $(( $(date +%s) - start )) s"
dropdb --if-exists "$DB"; createdb -T "$TPL" "$DB"
psql -X -d "$DB" -v open_count="$OPEN" -v completed_count="$COMPLETED" -v with_actinst="${WITH_ACTINST:-false}" -f scripts/bench/seed-scale.sql
echo "seeded $DB ($OPEN open, $COMPLETED completed) in $(( $(date +%s) - start )) s; size $(psql -Atc "select pg_size_pretty(pg_database_size('$DB'))")"
