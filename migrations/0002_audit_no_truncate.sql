-- TRUNCATE fires no row triggers: a statement trigger closes that way around the append-only audit log too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
