-- Partner organisations that work on livability: municipality, police, care, welfare, tenants, ...
create table organisation (
    id                 varchar(64)  primary key,
    name               varchar(200) not null,
    type               varchar(32)  not null check (type in ('MUNICIPALITY', 'POLICE', 'CARE', 'WELFARE',
                           'TENANT_ORGANISATION', 'CORPORATION', 'COMMUNITY_INITIATIVE', 'OTHER')),
    municipality_code  varchar(6)   not null,
    created_at         timestamptz  not null default now()
);
create index organisation_municipality on organisation (municipality_code);
