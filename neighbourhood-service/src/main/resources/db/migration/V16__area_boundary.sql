-- The boundary of an area in a year (CBS wijk- en buurtkaart), in WGS84 as GeoJSON: the full geometry, a simplified one
-- for overview maps and the bounding box. No PostGIS here: the service validates, reprojects and simplifies with JTS and
-- proj4j; the database keeps the texts. The digest of the full geometry makes a second import of the same file a no-op.
create table area_boundary (
    code              varchar(10)      not null,
    year              smallint         not null,
    level             varchar(16)      not null check (level in ('MUNICIPALITY', 'DISTRICT', 'NEIGHBOURHOOD')),
    geometry          text             not null,
    simplified        text             not null,
    points            integer          not null,
    simplified_points integer          not null,
    min_lon           double precision not null,
    min_lat           double precision not null,
    max_lon           double precision not null,
    max_lat           double precision not null,
    digest            char(64)         not null,
    imported_at       timestamptz      not null default now(),
    primary key (code, year),
    foreign key (code, year) references area (code, year) on delete cascade
);
-- The boundaries of a municipality's neighbourhoods (code like 'BU0999%'), latest year first.
create index area_boundary_code on area_boundary (code varchar_pattern_ops, year desc);
