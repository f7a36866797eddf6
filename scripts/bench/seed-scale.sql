-- Clones the template applications of scripts/bench/make-templates.sh into 100 000 open applications (with all
-- their Camunda runtime rows) and 1 000 000 completed ones (SLA tables and Camunda history). Run by
-- scripts/bench/seed-scale.sh on a copy of the template database; reads bench_template (kind, application_no)
-- and bench_due (the server's own working-day answers, see due-lookup.sh).
--
-- Ids: every id the engine made while the templates were driven ends in that JVM's UUID clock sequence and node
-- ("-9eec-02fc00000001"); the deployment, users and groups were made by an earlier start and end otherwise. A
-- clone n gets every such suffix rewritten to "-5eed-<n in hex>", in every text column, so ids, parent ids,
-- activity-instance ids ("UserTask_X:<uuid>") and the SLA clocks' scope keys ("<execution>/<activity>") stay
-- consistent, and shared ids (process definition, job definitions, deployment) stay as they are. The
-- application number is rewritten the same way; our own numeric ids become id + 1000 n.
\set ON_ERROR_STOP on
\timing on
set maintenance_work_mem = '1GB';
set synchronous_commit = off;

-- what to clone ---------------------------------------------------------------------------------------------
create table bench_tpl as
select t.kind, t.application_no as tpl_no, p.id_ as tpl_pi, right(p.id_, 18) as tpl_sfx
  from bench_template t join act_hi_procinst p on p.business_key_ = t.application_no;
do $$ begin
  if (select count(distinct tpl_sfx) from bench_tpl) <> 1
     or exists (select 1 from act_re_deployment d join bench_tpl t on right(d.id_, 18) = t.tpl_sfx) then
    raise exception 'the templates must come from one server start after the deployment''s';
  end if;
end $$;

-- working days at or before the template day (2026-12-04), k = 0 for that day, 1 for the one before ...
create table bench_wd as
select start_day as day, (row_number() over (order by start_day desc) - 1)::int as k
  from bench_due where working_days = 0 and due_date = start_day and start_day <= date '2026-12-04';

create table bench_clone (n int primary key, kind char(1), tpl_no text, tpl_pi text, new_no text, sfx text,
                          day_a date, day_s date, da int, ds int);
-- open: A acceptance 10 %, B survey + plan 35 %, C permits 25 %, D construction 20 %, E power-on 10 %
insert into bench_clone (n, kind, day_a, day_s)
select n, kind, a.day, s.day
  from (select n, kind, h1, h2,
               case kind when 'A' then case when h1 % 5 < 3 then 0 when h1 % 5 = 3 then 1 else 2 end
                         when 'B' then h1 % 8 when 'C' then 8 + h1 % 13 when 'D' then 20 + h1 % 21
                         else 45 + h1 % 26 end as ka,
               case kind when 'A' then case when h1 % 5 < 3 then 0 when h1 % 5 = 3 then 1 else 2 end
                         when 'B' then h1 % 8 when 'C' then h2 % 8 when 'D' then h2 % 31 else h2 % 6 end as ks
          from (select n, case when n % 100 < 10 then 'A' when n % 100 < 45 then 'B' when n % 100 < 70 then 'C'
                               when n % 100 < 90 then 'D' else 'E' end as kind,
                       abs(hashint4(n)) as h1, abs(hashint4(n + 7777777)) as h2
                  from generate_series(1, :open_count) n) x) y
  join bench_wd a on a.k = y.ka join bench_wd s on s.k = y.ks;
-- completed: F low voltage without external line 70 %, G high voltage with excavation 30 %; submitted between
-- January 2024 and November 2026
insert into bench_clone (n, kind, day_a, day_s)
select n, case when n % 10 < 3 then 'G' else 'F' end, d, d
  from (select n, date '2026-12-04' - (14 + abs(hashint4(n)) % 1050) as d
          from generate_series(100001, 100000 + :completed_count) n) x;
update bench_clone c set tpl_no = t.tpl_no, tpl_pi = t.tpl_pi, sfx = '-5eed-' || lpad(to_hex(c.n), 12, '0'),
       new_no = 'YC-' || to_char(c.day_a, 'YYYYMMDD') || '-9' || lpad(c.n::text, 7, '0'),
       da = c.day_a - date '2026-12-04', ds = c.day_s - date '2026-12-04'
  from bench_tpl t where t.kind = c.kind;
analyze bench_clone;

-- the generic clone of one table's template rows ---------------------------------------------------------------
create function bench_clone_rows(p_table text, p_join text, p_filter text, p_override jsonb default '{}')
returns void language plpgsql as $$
declare cols text; exprs text; tsfx text := (select min(tpl_sfx) from bench_tpl); n bigint;
begin
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
         string_agg(coalesce(p_override ->> column_name,
           case when data_type in ('character varying', 'text')
                  then format('replace(replace(t.%I, %L, c.sfx), c.tpl_no, c.new_no)', column_name, tsfx)
                when data_type like 'timestamp%' then format('t.%I + c.da * interval ''1 day''', column_name)
                when data_type = 'date' then format('t.%I + c.da', column_name)
                when data_type = 'bigint' and (column_name in ('id', 'clock_id', 'pause_id'))
                  then format('t.%I + c.n::bigint * 1000', column_name)
                else format('t.%I', column_name) end), ', ' order by ordinal_position)
    into cols, exprs
    from information_schema.columns where table_schema = 'public' and table_name = p_table
     and is_generated = 'NEVER';
  execute format('insert into %I (%s) select %s from %I t join bench_clone c on %s where %s',
                 p_table, cols, exprs, p_table, p_join, p_filter);
  get diagnostics n = row_count;
  raise notice '% rows into %', n, p_table;
end $$;

-- bulk load without the secondary indexes of the big tables; they are rebuilt at the end
create table bench_saved_index as
select i.indexname, i.indexdef from pg_indexes i
 where i.schemaname = 'public'
   and i.tablename in ('act_hi_procinst', 'act_hi_taskinst', 'act_hi_actinst', 'act_ru_authorization', 'sla_clock',
                       'act_hi_varinst', 'supply_plan', 'permit_decision', 'application', 'sla_breach')
   and not exists (select 1 from pg_constraint k where k.conname = i.indexname);
do $$ declare r record; begin
  for r in select indexname from bench_saved_index loop execute format('drop index %I', r.indexname); end loop;
end $$;

-- template-side sets: the tasks (for identity links and task authorizations) ----------------------------------
create table bench_tpl_task as select k.tpl_pi, t.id_ from act_ru_task t join bench_tpl k on k.tpl_pi = t.proc_inst_id_;

-- open applications: Camunda runtime and history, our tables ---------------------------------------------------
\set open 'c.n <= 100000'
select bench_clone_rows('act_ru_execution', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_ru_task', 't.proc_inst_id_ = c.tpl_pi', :'open',
  '{"create_time_": "t.create_time_ + c.ds * interval ''1 day''"}');
select bench_clone_rows('act_ru_identitylink',
  't.task_id_ in (select id_ from bench_tpl_task x where x.tpl_pi = c.tpl_pi)', :'open');
select bench_clone_rows('act_ru_variable', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_ru_job', 't.process_instance_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_ru_authorization',
  '(t.root_proc_inst_id_ = c.tpl_pi or t.resource_id_ in (select id_ from bench_tpl_task x where x.tpl_pi = c.tpl_pi))',
  :'open');
select bench_clone_rows('act_hi_procinst', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_hi_actinst', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_hi_taskinst', 't.proc_inst_id_ = c.tpl_pi', :'open',
  '{"start_time_": "t.start_time_ + (case when t.end_time_ is null then c.ds else c.da end) * interval ''1 day''"}');
select bench_clone_rows('act_hi_varinst', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('act_hi_comment', 't.proc_inst_id_ = c.tpl_pi', :'open');
select bench_clone_rows('application', 't.application_no = c.tpl_no', :'open',
  '{"applicant_name": "''Applicant '' || c.n", "access_code": "translate(upper(substr(md5(c.n::text), 1, 10)), ''01'', ''XY'')"}');
select bench_clone_rows('supply_plan', 't.application_no = c.tpl_no', :'open');
select bench_clone_rows('permit_decision', 't.application_no = c.tpl_no', :'open');
select bench_clone_rows('sla_clock', 't.application_no = c.tpl_no', :'open');
select bench_clone_rows('mail_outbox', 't.application_no = c.tpl_no', :'open');
-- fresh statistics, or the planner takes the freshly filled tables for empty ones and nests loops over them
analyze act_ru_execution, act_ru_task, act_ru_job, sla_clock, application;

-- the running clocks get the due dates the server computes for their start day; the open stage started on day_s
-- and they start at 04:00 Shanghai of their day, the instant due-lookup.sh asked about: the templates' own start
-- times may be after the 17:00 cut-off (then they count from the next day), and the server's start-up
-- recalculation, which recomputes every running clock from started_at, would move every seeded clock
update sla_clock s set started_at = (c.day_s + time '04:00') at time zone 'Asia/Shanghai', counted_from = c.day_s,
       due_date = d.due_date, due_at = d.due_at, original_due_date = d.due_date, original_due_at = d.due_at,
       provisional = d.provisional
  from bench_clone c, bench_due d
 where s.application_no = c.new_no and c.n <= 100000
   and s.outcome = 'RUNNING' and s.stage <> 'overall'
   and d.start_day = c.day_s and d.working_days = s.limit_working_days;
update sla_clock s set started_at = (c.day_a + time '04:00') at time zone 'Asia/Shanghai', counted_from = c.day_a,
       due_date = d.due_date, due_at = d.due_at,
       original_due_date = d.due_date, original_due_at = d.due_at, provisional = d.provisional
  from bench_clone c, bench_due d
 where s.application_no = c.new_no and c.n <= 100000
   and s.outcome = 'RUNNING' and s.stage = 'overall'
   and d.start_day = c.day_a and d.working_days = s.limit_working_days;
-- warnings (sla.yaml): acceptance 2 h before its due time, the others at the start of the due day (Shanghai)
update sla_clock s set warn_at = greatest(s.started_at, case when s.stage = 'acceptance' then s.due_at - interval '2 hours'
                                 else s.due_date::timestamp at time zone 'Asia/Shanghai' end)
 where s.id >= 1000 and s.id < 100001000 and s.outcome = 'RUNNING';
create index bench_sla_clock_exec on sla_clock (split_part(scope_key, '/', 1)) where outcome = 'RUNNING';
-- timers and tasks follow their clocks (the engine keeps its timestamps in the JVM's zone, UTC here)
update act_ru_job j set duedate_ = s.due_at at time zone 'UTC'
  from sla_clock s where split_part(s.scope_key, '/', 1) = j.execution_id_ and s.outcome = 'RUNNING'
   and j.id_ like '%-5eed-%' and j.handler_type_ = 'timer-transition';
update act_ru_task t set due_date_ = s.due_at at time zone 'UTC'
  from sla_clock s where s.outcome = 'RUNNING' and split_part(s.scope_key, '/', 1) = t.execution_id_
   and s.activity = t.task_def_key_ and t.id_ like '%-5eed-%';
-- power-on has no clock of its own: it is due when the whole application is
update act_ru_task t set due_date_ = s.due_at at time zone 'UTC'
  from act_ru_execution e, sla_clock s
 where t.task_def_key_ = 'UserTask_PowerOn' and t.id_ like '%-5eed-%' and e.id_ = t.proc_inst_id_
   and s.application_no = e.business_key_ and s.stage = 'overall' and s.outcome = 'RUNNING';
update act_hi_taskinst h set due_date_ = t.due_date_, start_time_ = t.create_time_
  from act_ru_task t where t.id_ = h.id_ and t.id_ like '%-5eed-%';
drop index bench_sla_clock_exec;
-- clocks already past due: their timer fired when it was due (breach recorded, job gone); warnings recorded
insert into sla_breach (clock_id, application_no, stage, department, due_at, fired_at)
select s.id, s.application_no, s.stage, s.department, s.due_at, s.due_at + interval '2 seconds'
  from sla_clock s where s.id >= 1000 and s.id < 100001000 and s.outcome = 'RUNNING' and s.due_at < now();
delete from act_ru_job j using sla_clock s
 where split_part(s.scope_key, '/', 1) = j.execution_id_ and s.id >= 1000 and s.id < 100001000
   and s.outcome = 'RUNNING' and s.due_at < now() and j.id_ like '%-5eed-%';
insert into sla_warning (clock_id, application_no, stage, department, warn_at, due_at, recorded_at)
select s.id, s.application_no, s.stage, s.department, s.warn_at, s.due_at, s.warn_at
  from sla_clock s where s.id >= 1000 and s.id < 100001000 and s.outcome = 'RUNNING' and s.warn_at <= now();

-- completed applications: our SLA tables and Camunda's history
\set done 'c.n > 100000'
select bench_clone_rows('application', 't.application_no = c.tpl_no', :'done',
  '{"applicant_name": "''Applicant '' || c.n", "access_code": "translate(upper(substr(md5(c.n::text), 1, 10)), ''01'', ''XY'')"}');
select bench_clone_rows('supply_plan', 't.application_no = c.tpl_no', :'done');
select bench_clone_rows('permit_decision', 't.application_no = c.tpl_no', :'done');
-- a clock took between nothing and 1.15 times its limit (about one in eight is late)
select bench_clone_rows('sla_clock', 't.application_no = c.tpl_no', :'done',
  '{"completed_at": "t.started_at + c.da * interval ''1 day'' + (t.due_at - t.started_at) * ((abs(hashint8(c.n::bigint * 1000 + t.id)) % 1000) / 1000.0 * 1.15)"}');
insert into sla_breach (clock_id, application_no, stage, department, due_at, fired_at)
select s.id, s.application_no, s.stage, s.department, s.due_at, s.due_at + interval '2 seconds'
  from sla_clock s where s.id >= 100001000 and s.completed_at > s.due_at;
select bench_clone_rows('act_hi_procinst', 't.proc_inst_id_ = c.tpl_pi', :'done');
select bench_clone_rows('act_hi_taskinst', 't.proc_inst_id_ = c.tpl_pi', :'done');
select bench_clone_rows('act_ru_authorization', 't.root_proc_inst_id_ = c.tpl_pi', :'done');
-- their activity instances (22 rows per low-voltage application, 43 per high-voltage one, 28 million in all) would
-- add about 20 GB: only with -v with_actinst=true (WITH_ACTINST=true seed-scale.sh)
\if :with_actinst
select bench_clone_rows('act_hi_actinst', 't.proc_inst_id_ = c.tpl_pi', :'done');
\endif

-- indexes back, sequences past the clones' ids, statistics
do $$ declare r record; begin
  for r in select indexdef from bench_saved_index loop execute r.indexdef; end loop;
end $$;
select setval(pg_get_serial_sequence(t, 'id'), (select max(id) from sla_clock) + 1000)
  from (values ('sla_clock')) v(t);
select setval(pg_get_serial_sequence('sla_breach', 'id'), (select max(id) from sla_breach) + 1);
select setval(pg_get_serial_sequence('sla_warning', 'id'), coalesce((select max(id) from sla_warning), 0) + 1);
select setval(pg_get_serial_sequence('mail_outbox', 'id'), (select max(id) from mail_outbox) + 1);
select setval(pg_get_serial_sequence('permit_decision', 'id'), (select max(id) from permit_decision) + 1);
drop function bench_clone_rows(text, text, text, jsonb);
drop table bench_tpl_task, bench_saved_index;
vacuum analyze;
