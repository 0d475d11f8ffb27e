-- The published catalogue as this service last heard it from catalog.interventions.v1: one row per revision,
-- so that deployments can be planned while catalog-service is down.
create table intervention_snapshot (
    intervention_id    varchar(64)  not null,
    revision           integer      not null,
    status             varchar(16)  not null,
    title              varchar(160) not null,
    effect_measurement jsonb        not null,
    snapshot           jsonb        not null,
    received_at        timestamptz  not null,
    primary key (intervention_id, revision)
);

-- A deployment in a neighbourhood, or in one complex of the corporation there.
alter table deployment
    add column complex_id         varchar(64),
    add column intervention_title varchar(160),
    add column effect_method      jsonb,
    add column budget             numeric(12, 2) check (budget >= 0),
    add column partners           jsonb        not null default '[]',
    add column actual_end_date    date,
    add column result             jsonb,
    add column completed_at       timestamptz;

-- Areas without the intervention, measured alike, to compare with (difference in differences).
create table comparison_area (
    deployment_id uuid        not null references deployment (id),
    area_code     varchar(10) not null,
    primary key (deployment_id, area_code)
);

-- The measurement plan copied from the revision's effect measurement method.
create table plan_slot (
    deployment_id uuid        not null references deployment (id),
    slot          varchar(16) not null check (slot in ('BASELINE', 'INTERIM', 'FINAL')),
    due_on        date        not null,
    indicators    jsonb       not null,
    primary key (deployment_id, slot)
);

create table measurement (
    id             uuid         primary key,
    area_code      varchar(10)  not null,
    complex_id     varchar(64),
    indicator      varchar(80)  not null,
    value          numeric      not null,
    period         varchar(7)   not null,
    measured_on    date,
    respondents    integer check (respondents >= 0),
    instrument     varchar(16),
    source_system  varchar(120),
    deployment_id  uuid references deployment (id),
    slot           varchar(16) check (slot in ('BASELINE', 'INTERIM', 'FINAL', 'MONITORING')),
    corporation_id varchar(64)  not null,
    recorded_at    timestamptz  not null
);
create index measurement_deployment on measurement (deployment_id, slot);
create index measurement_corporation on measurement (corporation_id, recorded_at);

-- Answers to POSTs with an Idempotency-Key: a retry with the same key and body gets the same answer and
-- stores nothing again.
create table idempotent_request (
    caller          varchar(128) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    body            text         not null,
    created_at      timestamptz  not null default now(),
    primary key (caller, idempotency_key)
);

-- The indicator codes of the kapstok (owned by neighbourhood-service) and their scales, for validation.
create table indicator (
    code      varchar(80) primary key,
    scale_min numeric,
    scale_max numeric
);
insert into indicator values
 ('lbm.lbm', null, null), ('lbm.afw', null, null), ('lbm.won', null, null), ('lbm.fys', null, null),
 ('lbm.vrz', null, null), ('lbm.soc', null, null), ('lbm.onv', null, null),
 ('resilience.vulnerable-share', 0, 1), ('nuisance.reports-per-100-homes', 0, 10000),
 ('tenant.feeling-at-home', 1, 10), ('tenant.living-environment', 1, 10), ('tenant.clean-and-intact', 1, 10),
 ('tenant.share-at-home', 0, 1);
