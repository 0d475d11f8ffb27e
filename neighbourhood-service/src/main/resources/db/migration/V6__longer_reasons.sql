-- A status recalculated for a batch of measurements names all of them (see Reasons): up to 2000 characters.
alter table area_status_history alter column reason type varchar(2000);
