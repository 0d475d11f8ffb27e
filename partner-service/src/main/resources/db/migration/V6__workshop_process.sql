-- The workshop as a process (issue 27): planned, opened and closed; while open, each participant pins problems and
-- casts its own votes; actions are followed up afterwards (status, overdue), and an action can become a deployment in
-- evaluation-service. Workshops recorded before this change were held already: they are closed.
alter table workshop add column state varchar(8) not null default 'closed' check (state in ('planned', 'open', 'closed'));
alter table workshop alter column state drop default;
alter table workshop add column opened_at timestamptz;
alter table workshop add column closed_at timestamptz;
alter table workshop add column created_at timestamptz not null default now();

alter table pin add column pinned_by varchar(64);
alter table pin add column pinned_at timestamptz not null default now();
-- Each participant's own votes on a pin (0 to 10), instead of one map per pin written by whoever recorded the workshop.
create table pin_vote (
    pin_id         bigint      not null references pin (id),
    participant_id varchar(64) not null,
    votes          smallint    not null check (votes between 0 and 10),
    cast_at        timestamptz not null default now(),
    primary key (pin_id, participant_id)
);
insert into pin_vote (pin_id, participant_id, votes) select p.id, v.key, cast(v.value as smallint) from pin p, jsonb_each_text(p.votes) v;
alter table pin drop column votes;

alter table workshop_action add column status varchar(12) not null default 'open'
    check (status in ('open', 'in-progress', 'done', 'dropped'));
alter table workshop_action add column status_note varchar(2000);
alter table workshop_action add column version bigint not null default 1;
alter table workshop_action add column updated_at timestamptz not null default now();
-- The deployment an action became: requested here, planned (or refused) by evaluation-service, and its verdict.
alter table workshop_action add column deployment_id uuid unique;
alter table workshop_action add column deployment_state varchar(12)
    check (deployment_state in ('requested', 'planned', 'refused', 'completed', 'stopped'));
alter table workshop_action add column deployment_note varchar(2000);
alter table workshop_action add column verdict varchar(20);
-- The day its overdue signal went out: one signal per action, not one per day.
alter table workshop_action add column overdue_signalled_on date;
create index workshop_action_owner on workshop_action (owner_id);
create index workshop_action_open_due on workshop_action (due_on) where status in ('open', 'in-progress');

-- Signals about a workshop as a whole name no area.
alter table signal alter column area_code drop not null;

-- partner-service now publishes events (an action to deploy): the platform's transactional outbox.
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
    status       varchar(16)   not null default 'PENDING' check (status in ('PENDING', 'PUBLISHED', 'SET_ASIDE')),
    attempts     integer       not null default 0,
    last_error   varchar(2000),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (id) where status = 'PENDING';
create index outbox_event_set_aside on outbox_event (id) where status = 'SET_ASIDE';
create index outbox_event_published_at on outbox_event (published_at) where status = 'PUBLISHED';
