-- Every completeness rubric a tenant applied, in order (PUT /api/rubric, tenant.ts set <tenant> rubric=@file). The one
-- in use is also in tenants.settings.rubric; version 1 is the first one applied (before it, the default rubric).
CREATE TABLE rubric_versions (
  tenant_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  rubric TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  -- Who applied it: 'api' (a tenant API token) or 'tenant.ts' (an operator).
  applied_by TEXT NOT NULL,
  PRIMARY KEY (tenant_id, version)
);
