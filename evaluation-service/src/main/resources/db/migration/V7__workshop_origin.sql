-- A deployment may come from a workshop action in partner-service (issue 27): which collaboration, workshop and action.
alter table deployment add column origin_collaboration_id uuid;
alter table deployment add column origin_workshop_id uuid;
alter table deployment add column origin_action_id bigint;
