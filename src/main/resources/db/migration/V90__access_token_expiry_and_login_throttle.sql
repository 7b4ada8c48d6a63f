-- Issue 13, items 2 and 3. API tokens get an expiry: tokens issued before this version expire
-- 30 days (the default lifetime) after they were issued.
alter table api_token add column expires_at timestamptz;
update api_token set expires_at = created_at + interval '30 days';
alter table api_token alter column expires_at set not null;

-- Failed logins slow down guessing per account name AND client address, instead of locking the
-- account for everyone: a stranger elsewhere can no longer lock the owner out. Kept for names that
-- do not exist too, so unknown and known names are answered alike.
create table login_throttle (
    username        text        not null check (length(username) <= 200),
    client_address  text        not null check (length(client_address) <= 100),
    failures        integer     not null check (failures > 0),
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (username, client_address)
);
create index login_throttle_last_failure on login_throttle (last_failure_at);

alter table user_account drop column failed_logins, drop column locked_until;
