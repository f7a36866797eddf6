-- The fix seed-scale.sql now applies while seeding, for a database seeded before it: the running clocks start at
-- 04:00 Shanghai of their day (the instant due-lookup.sh asked the server about), so that the server's start-up
-- recalculation finds every seeded due date already right and moves nothing.
--   psql -d powerconnect_scale -f scripts/bench/fix-start-times.sql
\set ON_ERROR_STOP on
\timing on
begin;
update sla_clock s set started_at = (case when s.stage = 'overall' then c.day_a else c.day_s end + time '04:00')
                                    at time zone 'Asia/Shanghai'
  from bench_clone c
 where s.application_no = c.new_no and c.n <= 100000 and s.outcome = 'RUNNING';
update sla_clock s set warn_at = greatest(s.started_at, case when s.stage = 'acceptance' then s.due_at - interval '2 hours'
                                 else s.due_date::timestamp at time zone 'Asia/Shanghai' end)
 where s.id >= 1000 and s.id < 100001000 and s.outcome = 'RUNNING';
commit;
vacuum analyze sla_clock;
