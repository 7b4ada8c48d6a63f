-- Vehicle routes made from a run's plan for one depot and day (RoutePlans): kept as computed, so
-- the sheets printed for the drivers can be printed again, and a planner can lock routes of one
-- and plan the rest again (a new row). created_at comes from the application clock.
create table planning_route_plan (
    id         bigint generated always as identity primary key,
    run_id     bigint not null references planning_run (id),
    depot_id   bigint not null,
    day        integer not null check (day between 0 and 400),
    plan       jsonb not null check (jsonb_typeof(plan) = 'object'),
    created_by text not null check (length(created_by) between 1 and 200),
    created_at timestamptz not null
);

create index planning_route_plan_run on planning_route_plan (run_id, depot_id, day, id);
