-- Mistakes can be corrected (issue 26): organisations, contacts, collaborations and agreements carry a version for
-- If-Match; a collaboration can end with a reason; a progress report can be corrected, with the reason.
alter table organisation add column version bigint not null default 1;
alter table contact add column version bigint not null default 1;
alter table collaboration add column version bigint not null default 1;
alter table collaboration add column end_reason varchar(500);
alter table agreement add column version bigint not null default 1;
alter table agreement_progress add column corrected_at timestamptz;
alter table agreement_progress add column correction_reason varchar(500);
