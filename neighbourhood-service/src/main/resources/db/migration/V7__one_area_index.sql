-- One index on observation.area_code instead of two: with text_pattern_ops it serves the equality lookups of a
-- neighbourhood's observations and the prefix lookups (like 'BU0999%') of a district or municipality alike, and every
-- stored observation (a national import writes about 900,000) maintains one index fewer.
drop index observation_area_prefix;
drop index observation_area;
create index observation_area on observation (area_code text_pattern_ops, indicator_code, period_start);
