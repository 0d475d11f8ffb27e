-- The area registry, the complexes and the kapstok as neighbourhood-service publishes them on neighbourhood.areas.v1
-- (ReferenceData), so that a measurement is refused at once when neighbourhood-service would refuse it later.
create table area_ref (
    code        varchar(10)  not null,
    year        smallint     not null,
    level       varchar(16)  not null,
    name        varchar(200) not null,
    parent_code varchar(10),
    households  integer,
    homes       integer,
    received_at timestamptz  not null,
    primary key (code, year)
);
-- the registry's years by a loose index scan (RegistryYear)
create index area_ref_year on area_ref (year);

create table complex_ref (
    corporation_id     varchar(64)  not null,
    complex_id         varchar(64)  not null,
    neighbourhood_code varchar(10)  not null,
    name               varchar(200) not null,
    homes              integer,
    households         integer,
    received_at        timestamptz  not null,
    primary key (corporation_id, complex_id)
);

-- The kapstok of V4 stays (a service that has not yet heard from neighbourhood-service still knows the indicators);
-- the events update it and add what is new.
alter table indicator
    add column name            varchar(200),
    add column unit            varchar(40),
    add column dimension       varchar(8),
    add column min_respondents integer,
    add column restricted      boolean,
    add column received_at     timestamptz;
