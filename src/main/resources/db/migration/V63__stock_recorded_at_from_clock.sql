-- A stock event's time is the application's clock, passed with every insert (it may be shifted
-- for tests and exercises); without a default, an insert that forgets it fails instead of
-- silently taking the database's time.
alter table stock_event alter column recorded_at drop default;
