-- A district's or municipality's tenant experience counts the marks of its latest period only (StatusCalculator.tenant).
-- The roll-up finds that period from its neighbourhoods, then reads just the marks and shares of that period by period
-- and code prefix, however many periods of surveys the area has had. Partial: only the tenant indicators maintain it,
-- not the Leefbaarometer figures of a national import.
create index observation_tenant on observation (period_start, area_code text_pattern_ops)
    where indicator_code in ('tenant.feeling-at-home', 'tenant.share-at-home');
