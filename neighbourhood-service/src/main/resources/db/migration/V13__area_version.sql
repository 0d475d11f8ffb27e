-- The version of an area's row, for ETags: a change through PUT/PATCH or a registry import adds one.
alter table area add column version bigint not null default 0;
