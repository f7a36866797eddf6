#!/usr/bin/env bash
# Timer lag on a running server: moves K open SLA timer jobs (chosen at random among those due later than
# tomorrow) to one instant T (now + LEAD seconds, an SQL update of ACT_RU_JOB.DUEDATE_ as an administrator's
# "set due date" would), waits until every one of their clocks has its breach, and prints the lag from T to each
# sla_breach.fired_at (p50/p95/p99/max), the breaches per second, and checks: one breach per clock, no job left,
# no failed job.
#   scripts/bench/timer-lag.sh DB K [LEAD_SECONDS] [TIMEOUT_SECONDS]
set -euo pipefail
DB=${1:?database} K=${2:?how many timers} LEAD=${3:-20} TIMEOUT=${4:-900}
export PGHOST=127.0.0.1 PGUSER=postgres
q() { psql -X -q -At -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
q <<SQL
drop table if exists bench_lag;
create table bench_lag as
select j.id_ as job_id, s.id as clock_id, s.stage
  from act_ru_job j join sla_clock s on s.outcome = 'RUNNING' and split_part(s.scope_key, '/', 1) = j.execution_id_
 where j.handler_type_ = 'timer-transition' and j.suspension_state_ = 1 and j.retries_ > 0
   and j.duedate_ > (now() at time zone 'UTC') + interval '1 day'
   and not exists (select 1 from sla_breach b where b.clock_id = s.id)
 order by md5(j.id_ || '$K') limit $K;
alter table bench_lag add column t timestamptz;
update bench_lag set t = date_trunc('second', now()) + interval '$LEAD seconds';
update act_ru_job j set duedate_ = l.t at time zone 'UTC' from bench_lag l where j.id_ = l.job_id;
SQL
echo "moved $(q -c 'select count(*) from bench_lag') timers to $(q -c 'select min(t) from bench_lag')"
start=$(date +%s)
while :; do
    done_count=$(q -c 'select count(*) from sla_breach b join bench_lag l on l.clock_id = b.clock_id')
    [ "$done_count" -ge "$K" ] && break
    if (( $(date +%s) - start > TIMEOUT )); then echo "timeout: $done_count of $K breaches" >&2; break; fi
    sleep 1
done
q <<'SQL'
\pset tuples_only off
\pset format aligned
\pset footer off
select count(*) as breaches, count(distinct b.clock_id) as clocks,
       round(extract(epoch from percentile_disc(0.5) within group (order by b.fired_at - l.t))::numeric, 2) as p50_s,
       round(extract(epoch from percentile_disc(0.95) within group (order by b.fired_at - l.t))::numeric, 2) as p95_s,
       round(extract(epoch from percentile_disc(0.99) within group (order by b.fired_at - l.t))::numeric, 2) as p99_s,
       round(extract(epoch from max(b.fired_at - l.t))::numeric, 2) as max_s,
       round(extract(epoch from min(b.fired_at - l.t))::numeric, 2) as min_s,
       round(count(*) / nullif(extract(epoch from max(b.fired_at) - min(b.fired_at)), 0)::numeric, 1) as per_s
  from bench_lag l join sla_breach b on b.clock_id = l.clock_id;
select (select count(*) from act_ru_job j join bench_lag l on l.job_id = j.id_) as jobs_left,
       (select count(*) from act_ru_job j where j.exception_msg_ is not null) as failed_jobs,
       (select count(*) from act_ru_incident) as incidents;
SQL
