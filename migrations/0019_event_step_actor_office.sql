-- Each step names the actor's role and office as they were when the step was taken, so a later change of
-- role, area or department does not rewrite the event's history. Steps written before this carry null.
ALTER TABLE event_steps
  ADD COLUMN actor_role text CHECK (actor_role IN ('admin', 'district_leader', 'district_centre', 'street_staff',
    'community_staff', 'grid_worker', 'department_staff', 'auditor')),
  ADD COLUMN actor_office text CHECK (char_length(actor_office) <= 200);
