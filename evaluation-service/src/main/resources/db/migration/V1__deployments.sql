-- An intervention (one published revision of the catalogue) deployed in an area by a corporation.
create table deployment (
    id                    uuid         primary key,
    intervention_id       varchar(64)  not null,
    intervention_revision integer      not null check (intervention_revision > 0),
    area_code             varchar(40)  not null,
    corporation_id        varchar(64)  not null,
    owner                 varchar(200) not null,
    start_date            date         not null,
    planned_end_date      date         not null,
    status                varchar(16)  not null check (status in ('PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED')),
    stop_reason           varchar(2000),
    created_at            timestamptz  not null default now(),
    version               integer      not null default 0,
    check (planned_end_date >= start_date)
);
create index deployment_corporation on deployment (corporation_id, created_at);
