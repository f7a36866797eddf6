#!/usr/bin/env bash
# Asks a running server's working-day API (GET /api/working-days/due) for the due instant of every limit the
# seeded clocks use, for start days FROM..TO at 04:00 Asia/Shanghai (before the 17:00 cut-off), and writes
# them as CSV (start_day,working_days,due_date,due_at,provisional) for the seeding SQL, so that the seeded
# due dates are exactly the ones the server computes (the start-up recalculation then moves nothing).
#   scripts/bench/due-lookup.sh http://127.0.0.1:PORT 2026-07-01 2026-12-31 > due.csv
set -euo pipefail
BASE=${1:?base url} FROM=${2:?first day} TO=${3:?last day}
d=$FROM
while [[ ! $d > $TO ]]; do
    for n in 0 2 3 5 10 15 20 30 35 65 70; do
        curl -fsS "$BASE/api/working-days/due?from=${d}T04:00:00%2B08:00&workingDays=$n" |
            jq -r --arg d "$d" --arg n "$n" '[$d, $n, .dueDate, .dueAt, .provisional] | @csv'
    done
    d=$(date -I -d "$d + 1 day")
done
