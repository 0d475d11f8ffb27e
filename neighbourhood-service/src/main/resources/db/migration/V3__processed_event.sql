-- Ids of the events a consumer has processed, so that a redelivered or replayed event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
