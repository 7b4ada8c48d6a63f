-- When a bulletin was drafted, a CAP message imported and a claim recorded is domain time: the
-- application writes it from its one clock (which tests and exercises may shift), so the database
-- must not fill in its own now().
alter table bulletin alter column created_at drop default;
alter table cap_import alter column imported_at drop default;
alter table claim alter column recorded_at drop default;
