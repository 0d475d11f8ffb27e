-- Districts and municipalities are rolled up from the neighbourhoods whose codes start with theirs: prefix
-- searches (LIKE 'BU0999%') need pattern indexes whatever the database collation.
create index area_status_subject_prefix on area_status (subject text_pattern_ops);
create index observation_area_prefix on observation (area_code text_pattern_ops);
