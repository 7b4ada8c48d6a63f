-- Status by text message. Operators' phone numbers are registered to their user accounts by a
-- coordinator or admin over the user's organisation; a text from a registered number acts with
-- that user's rights. Numbers in international form, +31612345678.
create table points_sms_sender (
    phone_number  text        primary key check (phone_number ~ '^\+[1-9][0-9]{7,14}$'),
    username      text        not null,
    registered_by text        not null,
    registered_at timestamptz not null
);

create index points_sms_sender_user_idx on points_sms_sender (username);

-- Every message the gateway delivered, by the gateway's message id: a repeated delivery gets the
-- first reply again and has no second effect.
create table points_sms_inbound (
    message_id  text        primary key check (length(message_id) between 1 and 200),
    sender      text        not null check (length(sender) <= 40),
    text        text        not null check (length(text) <= 1600),
    sent_at     timestamptz,
    received_at timestamptz not null,
    point_id    bigint      references support_point (id),
    accepted    boolean     not null,
    reply       text        not null
);
