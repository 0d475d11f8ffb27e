-- Themes and subtopics change (name, description, place) with an ETag, their version, and are retired rather than
-- deleted: their interventions stay, a retired subtopic takes no new ones. Each change is in the audit trail (V5).
alter table theme
    add column version    bigint      not null default 0,
    add column retired_at timestamptz;
alter table subtopic
    add column version    bigint      not null default 0,
    add column retired_at timestamptz;
