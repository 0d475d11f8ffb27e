-- The relay sets aside an event Kafka refused for good (an admin retries it: /api/v1/outbox/set-aside); published events
-- are deleted after a window (leefbaarheid.outbox.keep-published), oldest first.
alter table outbox_event drop constraint outbox_event_status_check;
alter table outbox_event add constraint outbox_event_status_check check (status in ('PENDING', 'PUBLISHED', 'SET_ASIDE'));
create index outbox_event_set_aside on outbox_event (id) where status = 'SET_ASIDE';
create index outbox_event_published_at on outbox_event (published_at) where status = 'PUBLISHED';

-- Processed event ids are deleted after a window (leefbaarheid.events.keep-processed), oldest first.
create index processed_event_processed_at on processed_event (processed_at);

-- What landed on the service's dead-letter topic, with why, for an admin to see and replay (/api/v1/dead-letters).
create table dead_letter (
    id               bigint generated always as identity primary key,
    topic            varchar(200)  not null,
    source_partition integer,
    source_offset    bigint,
    record_key       varchar(200),
    event_id         varchar(200),
    event_type       varchar(200),
    reason           varchar(2000) not null,
    payload          text,
    headers          jsonb         not null,
    dead_at          timestamptz   not null,
    dlq_partition    integer       not null,
    dlq_offset       bigint        not null,
    replays          integer       not null default 0,
    replayed_at      timestamptz,
    unique (dlq_partition, dlq_offset)
);
create index dead_letter_waiting on dead_letter (id) where replayed_at is null;

-- Answers to idempotency keys are deleted after a window (leefbaarheid.idempotency.keep), oldest first.
create index idempotent_request_created_at on idempotent_request (created_at);
