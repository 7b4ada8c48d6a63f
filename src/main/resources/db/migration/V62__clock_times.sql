-- Times the application writes come from its one clock, which can be shifted to another day;
-- the database's now() cannot. Without a default, a write that forgets to pass the time fails
-- instead of silently stamping the database's time beside the clock's.
alter table organisation alter column created_at drop default;
alter table user_account alter column created_at drop default;
alter table api_token alter column created_at drop default;
alter table idempotent_request alter column created_at drop default;
alter table reference_data_load alter column loaded_at drop default;
alter table support_point alter column created_at drop default;
alter table support_point alter column updated_at drop default;
alter table support_point_status alter column at drop default;
