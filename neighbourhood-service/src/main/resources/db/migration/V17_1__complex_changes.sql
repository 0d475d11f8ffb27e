-- Complexes can be corrected (PATCH), ended (sold or demolished) and transferred to another corporation (ComplexService).
-- version is the complex's ETag. A transfer ends the complex for its corporation (ended_on, end_reason 'transferred',
-- transferred_to) and registers it anew for the new owner (since, transferred_from): the observations stored keep the complex
-- (and so the corporation) they were measured for, those of periods from the transfer on go to the new owner's complex.
-- A complex counts (working area, new figures) from since (null: always) until ended_on (null: not ended).
alter table housing_complex
    add column version          bigint      not null default 0,
    add column since            date,
    add column transferred_from varchar(64),
    add column ended_on         date,
    add column end_reason       varchar(20) check (end_reason in ('sold', 'demolished', 'transferred')),
    add column transferred_to   varchar(64),
    add constraint housing_complex_tenure check (ended_on is null or since is null or ended_on >= since),
    add constraint housing_complex_end check ((ended_on is null) = (end_reason is null)
                                              and (transferred_to is null or end_reason = 'transferred'));
