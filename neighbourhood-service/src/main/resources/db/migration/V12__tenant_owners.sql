-- Tenant figures belong to the corporation that measured them (see TenantBasis): every status keeps, beside the status the
-- admin sees, the sums of each corporation's marks of its latest period and the colour overrides by owner, so that each
-- caller's view (its own and shared figures only) is computed from the stored row. tenant_owners and public_priority let a
-- ranking order by the priority each caller may see in SQL: the stored priority when the caller may see every owner, the
-- public one (without tenant figures) when it sees none of them.
alter table area_status add column tenant_basis jsonb;
alter table area_status add column tenant_owners varchar(64)[] not null default '{}';
alter table area_status add column public_priority numeric(5, 3);
alter table area_status_history add column tenant_basis jsonb;

-- Statuses stored before: whose tenant figures they hold is not known, so they are the admin's only (owner '(admin)',
-- as TenantBasis.LEGACY) until the area is recalculated (POST /api/v1/status-recalculations?municipality=...). Their
-- public priority is the stored one without the tenant term of the calculation (0.15 red, 0.075 orange).
update area_status set tenant_owners = '{(admin)}',
       public_priority = priority - case status -> 'tenantExperience' ->> 'colour' when 'red' then 0.15
                                                                        when 'orange' then 0.075 else 0 end
 where status ? 'tenantExperience';
update area_status set public_priority = priority where not status ? 'tenantExperience';

-- One override per owner of an area: the corporation that set it, or '(admin)' for the admin's own (seen by the admin
-- only). Overrides set before were the admin's or a corporation's, which is not recorded: they become the admin's.
alter table colour_override add column owner varchar(64) not null default '(admin)';
alter table colour_override alter column owner drop default;
alter table colour_override drop constraint colour_override_pkey;
alter table colour_override add primary key (subject, owner);
