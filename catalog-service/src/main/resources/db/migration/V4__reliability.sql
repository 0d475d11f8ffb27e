-- The relay sets aside an event Kafka refused for good (an admin retries it: /api/v1/outbox/set-aside); published events
-- are deleted after a window (leefbaarheid.outbox.keep-published), oldest first.
alter table outbox_event drop constraint outbox_event_status_check;
alter table outbox_event add constraint outbox_event_status_check check (status in ('PENDING', 'PUBLISHED', 'SET_ASIDE'));
create index outbox_event_set_aside on outbox_event (id) where status = 'SET_ASIDE';
create index outbox_event_published_at on outbox_event (published_at) where status = 'PUBLISHED';
