-- Transactional outbox: events written in the same transaction as the change they describe, and
-- published to Kafka by the relay in the order they were written (id).
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid          not null unique,
    topic        varchar(200)  not null,
    event_key    varchar(200)  not null,
    event_type   varchar(200)  not null,
    subject      varchar(200),
    payload      text          not null,
    occurred_at  timestamptz   not null,
    trace_parent varchar(64),
    status       varchar(16)   not null default 'PENDING' check (status in ('PENDING', 'PUBLISHED')),
    attempts     integer       not null default 0,
    last_error   varchar(2000),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where status = 'PENDING';
