-- Indexes for foreign keys and filters that had none. Plain CREATE INDEX: it blocks writes to the
-- table while it builds, which on these tables (thousands of rows, at most a few hundred thousand
-- balances) takes well under a second. A big table gets CREATE INDEX CONCURRENTLY in a migration
-- of its own instead (CONTRIBUTING.md, "Migrations").
create index if not exists stock_balance_lot on stock_balance (lot_id);
create index if not exists claim_rebuttal_bulletin on claim (rebuttal_bulletin_id) where rebuttal_bulletin_id is not null;
create index if not exists bulletin_organisation on bulletin (organisation_code);
create index if not exists funding_allocation_budget_line_budget_line on funding_allocation_budget_line (budget_line_id);
create index if not exists depot_organisation on depot (organisation_code);
create index if not exists depot_support_point on depot (support_point_id) where support_point_id is not null;
create index if not exists planning_scenario_organisation on planning_scenario (organisation);
