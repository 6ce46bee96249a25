-- Customers and success: organisations with the tags and fields the success and health metrics read, the maturity
-- self-assessments of each tenant, and the demand forecast stored for each month (forecast vs actual).

-- Virtual column: the customer (organisation) of a case, for per-customer activity.
ALTER TABLE cases ADD COLUMN org_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.organization.id')) VIRTUAL;
CREATE INDEX cases_org ON cases(tenant_id, org_id, created_at);

-- One row per helpdesk organisation (Zendesk organization): name, tags (JSON array), organisation fields (JSON
-- object), created_at. source_updated_at keeps an older snapshot (a late webhook) from rolling the row back.
CREATE TABLE organizations (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT,
  source_updated_at TEXT,
  deleted_at TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- Maturity self-assessments (Slack /support-metrics maturity): every submission is kept; the latest is current.
CREATE TABLE maturity_assessments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL,
  answers TEXT NOT NULL,
  stage INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);
CREATE INDEX maturity_tenant ON maturity_assessments(tenant_id, submitted_at);

-- The demand forecast of each month, stored once when the month is first forecast (so forecast vs actual compares
-- with what was really expected, not with a forecast recomputed later).
CREATE TABLE demand_forecasts (
  tenant_id TEXT NOT NULL,
  month TEXT NOT NULL,
  forecast REAL NOT NULL,
  inputs TEXT NOT NULL,
  made_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, month)
);
