-- dimension_names: the names of the helpdesk's groups and brands (Zendesk GET /api/v2/groups, /api/v2/brands), so
-- Slack shows "Tier 2" where the cases and rollups hold the group id. Written by the backfill's sync API and when a
-- webhook names an id with no stored name; owned by the platform (NameStore).
CREATE TABLE dimension_names (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('group', 'brand')),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, id)
);
