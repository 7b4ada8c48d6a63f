-- Planning: saved scenarios and the runs of them. A scenario belongs to the organisation that made
-- it and covers areas (safety regions, municipalities); a run plans one version of a scenario, in
-- the background, and keeps its result.

-- A crisis to plan for. The definition is the validated scenario as JSON (the application's own
-- serialisation of nl.weerbaar.planning.Scenario); the areas are repeated as an array so lists can
-- be limited to a reader's scope without opening the JSON.
create table planning_scenario (
    id           bigint generated always as identity primary key,
    organisation text not null check (length(organisation) between 1 and 60),
    name         text not null check (length(name) between 1 and 200),
    areas        text[] not null check (cardinality(areas) >= 1 and
                                        array_to_string(areas, ',') ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})(,(NL|VR[0-9]{2}|GM[0-9]{4}))*$'),
    definition   jsonb not null check (jsonb_typeof(definition) = 'object'),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      bigint not null default 1 check (version >= 1),
    -- Deleted scenarios stay, so the runs of them and the audit trail keep pointing somewhere.
    deleted_at   timestamptz,
    check (updated_at >= created_at)
);
create index planning_scenario_areas on planning_scenario using gin (areas) where deleted_at is null;

-- One run. The scenario as it was at the start is kept whole (scenario_snapshot), so a later change
-- to the scenario never changes what a finished run means. Progress and stage are written by the
-- run as it goes (a few times a second at most), so every replica and page can show them; a cancel
-- is a flag the run reads. heartbeat_at moves while the process that runs it lives: a run whose
-- heartbeat stopped (the process was killed) is marked interrupted.
--
-- The result can be megabytes of JSON (per municipality, day and item). It is stored as gzip-compressed
-- JSON in bytea: it is only ever read whole, never queried into, and gzip makes it about ten times
-- smaller than jsonb (which PostgreSQL would parse on insert and compress less well with pglz).
create table planning_run (
    id                bigint generated always as identity primary key,
    scenario_id       bigint not null references planning_scenario (id),
    scenario_version  bigint not null check (scenario_version >= 1),
    scenario_snapshot jsonb not null check (jsonb_typeof(scenario_snapshot) = 'object'),
    status            text not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
    progress          numeric(5, 4) not null default 0 check (progress between 0 and 1),
    stage             text not null default '' check (length(stage) <= 500),
    cancel_requested  boolean not null default false,
    started_by        text not null,
    started_at        timestamptz not null default now(),
    heartbeat_at      timestamptz not null default now(),
    finished_at       timestamptz,
    error             text check (error is null or length(error) <= 4000),
    statistics        jsonb check (statistics is null or jsonb_typeof(statistics) = 'object'),
    result_gzip       bytea,
    check ((status in ('queued', 'running')) = (finished_at is null)),
    check ((status = 'done') = (result_gzip is not null)),
    check (status <> 'done' or (statistics is not null and progress = 1)),
    check ((status = 'failed') = (error is not null)),
    check (finished_at is null or finished_at >= started_at)
);
create index planning_run_scenario on planning_run (scenario_id, id desc);
create index planning_run_active on planning_run (id) where status in ('queued', 'running');
