-- A status now keeps two times: when it was observed at the point (an operator's phone offline,
-- a radio call, a text message) and when it reached the server. Freshness goes by the observed
-- time; the received time shows when it arrived late. Statuses given before keep their one time
-- for both.
alter table support_point add column status_received_at timestamptz;
update support_point set status_received_at = status_confirmed_at;

alter table support_point_status add column observed_at timestamptz;
update support_point_status set observed_at = at;
alter table support_point_status alter column observed_at set not null;
comment on column support_point_status.at is 'when the status reached the server (application clock)';

-- How the status came in: directly from the point (page or API), relayed by someone else from a
-- radio call, a phone call or a messenger, or by text message.
alter table support_point_status add column channel text not null default 'direct'
    check (channel in ('direct', 'radio', 'phone', 'messenger', 'sms'));
alter table support_point_status alter column channel drop default;
-- For a relayed status: who at the point reported it (a name or call sign), as the relay heard it;
-- the relay itself is the actor.
alter table support_point_status add column reported_by text check (length(reported_by) <= 100);
-- A client's Idempotency-Key for this status: an offline phone that sends the same update twice
-- (its answer was lost) changes the point once.
alter table support_point_status add column idempotency_key text check (length(idempotency_key) between 1 and 200);
create unique index support_point_status_idempotency_idx on support_point_status (point_id, idempotency_key)
    where idempotency_key is not null;
