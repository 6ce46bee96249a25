-- Support Metrics store (Cloudflare D1 / SQLite). Every row belongs to a tenant; every query filters on tenant_id.
-- Applied with: wrangler d1 migrations apply DB (the worker's wrangler.jsonc points migrations_dir here).

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- JSON: per-tenant settings (zendeskWriteBack, zendeskWebhookSecret; see packages/worker/scripts/tenant.ts)
  settings TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);

-- API bearer tokens, stored as SHA-256 hex; the token itself is never stored.
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_tenant ON api_tokens(tenant_id);

-- One row per case: the normalised case (JSON), the columns queries filter on, completeness at creation and latest.
CREATE TABLE cases (
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  solved_at TEXT,
  status TEXT NOT NULL,
  channel TEXT,
  grp TEXT,
  brand TEXT,
  completeness_at_creation TEXT,
  score_at_creation INTEGER,
  complete_at_creation INTEGER,
  completeness_latest TEXT,
  score_latest INTEGER,
  updated_at TEXT NOT NULL,
  -- Optimistic concurrency: each write sets version = the version it read + 1, and the trigger below refuses a
  -- write based on a stale read, so two concurrent changes of one case can never both move its rollups.
  version INTEGER NOT NULL DEFAULT 1,
  -- What this version added to daily_rollups (JSON, non-zero counters only): the next change subtracts exactly
  -- this, even if the code or the tenant's settings that computed it have changed since.
  contribution TEXT,
  PRIMARY KEY (tenant_id, id)
);
CREATE TRIGGER cases_version_check BEFORE UPDATE ON cases
  FOR EACH ROW WHEN NEW.version <> OLD.version + 1
  BEGIN SELECT RAISE(ABORT, 'stale case version'); END;
CREATE INDEX cases_created ON cases(tenant_id, created_at);
CREATE INDEX cases_open ON cases(tenant_id, status, created_at);

-- What happened to a case, in order (webhook events, write-backs, backfill).
CREATE TABLE case_events (
  tenant_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX case_events_case ON case_events(tenant_id, case_id, at);

-- The closed-record check of each solved case.
CREATE TABLE closure_checks (
  tenant_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  complete INTEGER NOT NULL,
  missing TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, case_id)
);

-- Jira issues known to a tenant, and the many-to-many links between cases and issues.
CREATE TABLE jira_issues (
  tenant_id TEXT NOT NULL,
  issue_key TEXT NOT NULL,
  summary TEXT,
  status TEXT,
  resolution TEXT,
  fix_versions TEXT NOT NULL DEFAULT '[]',
  released_at TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, issue_key)
);
CREATE TABLE jira_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  issue_key TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  UNIQUE (tenant_id, case_id, issue_key)
);
CREATE INDEX jira_links_issue ON jira_links(tenant_id, issue_key);

-- Swarms: experts brought together on a case in Slack (ownership stays with the assignee).
CREATE TABLE swarms (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  channel_id TEXT,
  started_by TEXT NOT NULL,
  started_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX swarms_case ON swarms(tenant_id, case_id);

-- Slack workspaces installed per tenant; the bot token is encrypted with a key from secrets.
CREATE TABLE slack_installations (
  tenant_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  enterprise_id TEXT,
  bot_user_id TEXT,
  bot_token_enc TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, team_id)
);

-- Idempotency: an inbound event (webhook delivery) is processed once per tenant and source.
CREATE TABLE processed_events (
  tenant_id TEXT NOT NULL,
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, source, event_id)
);

-- Where a resumable sync (e.g. the Zendesk incremental export) stopped.
CREATE TABLE sync_state (
  tenant_id TEXT NOT NULL,
  source TEXT NOT NULL,
  cursor TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, source)
);

-- Daily rollups: per tenant, UTC day and dimension, the counters of packages/core/src/metrics/counters.ts.
-- Creation-based counters are added on the day a case is created, resolution-based ones on the day it is solved,
-- so a window's metrics are the sums over its days. A changed case subtracts its old contribution first.
CREATE TABLE daily_rollups (
  tenant_id TEXT NOT NULL,
  day TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  grp TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  created REAL NOT NULL DEFAULT 0,
  completeness_num REAL NOT NULL DEFAULT 0,
  completeness_den REAL NOT NULL DEFAULT 0,
  type_how_to REAL NOT NULL DEFAULT 0,
  type_bug REAL NOT NULL DEFAULT 0,
  type_install_config REAL NOT NULL DEFAULT 0,
  type_other REAL NOT NULL DEFAULT 0,
  bug_impact_num REAL NOT NULL DEFAULT 0,
  bug_impact_den REAL NOT NULL DEFAULT 0,
  channel_email REAL NOT NULL DEFAULT 0,
  channel_web REAL NOT NULL DEFAULT 0,
  channel_chat REAL NOT NULL DEFAULT 0,
  channel_phone REAL NOT NULL DEFAULT 0,
  channel_social REAL NOT NULL DEFAULT 0,
  channel_api REAL NOT NULL DEFAULT 0,
  channel_messaging REAL NOT NULL DEFAULT 0,
  channel_other REAL NOT NULL DEFAULT 0,
  solved REAL NOT NULL DEFAULT 0,
  replies_sum REAL NOT NULL DEFAULT 0,
  replies_den REAL NOT NULL DEFAULT 0,
  fcr_num REAL NOT NULL DEFAULT 0,
  fcr_den REAL NOT NULL DEFAULT 0,
  reopen_num REAL NOT NULL DEFAULT 0,
  reopen_den REAL NOT NULL DEFAULT 0,
  escalation_num REAL NOT NULL DEFAULT 0,
  escalation_den REAL NOT NULL DEFAULT 0,
  collab_num REAL NOT NULL DEFAULT 0,
  collab_den REAL NOT NULL DEFAULT 0,
  csat_good REAL NOT NULL DEFAULT 0,
  csat_bad REAL NOT NULL DEFAULT 0,
  effort_hours_sum REAL NOT NULL DEFAULT 0,
  effort_den REAL NOT NULL DEFAULT 0,
  ttr_hours_sum REAL NOT NULL DEFAULT 0,
  ttr_den REAL NOT NULL DEFAULT 0,
  record_num REAL NOT NULL DEFAULT 0,
  record_den REAL NOT NULL DEFAULT 0,
  knowledge_num REAL NOT NULL DEFAULT 0,
  knowledge_den REAL NOT NULL DEFAULT 0,
  new_count REAL NOT NULL DEFAULT 0,
  known_count REAL NOT NULL DEFAULT 0,
  ttr_b0 REAL NOT NULL DEFAULT 0,
  ttr_b1 REAL NOT NULL DEFAULT 0,
  ttr_b2 REAL NOT NULL DEFAULT 0,
  ttr_b3 REAL NOT NULL DEFAULT 0,
  ttr_b4 REAL NOT NULL DEFAULT 0,
  ttr_b5 REAL NOT NULL DEFAULT 0,
  ttr_b6 REAL NOT NULL DEFAULT 0,
  ttr_b7 REAL NOT NULL DEFAULT 0,
  ttr_b8 REAL NOT NULL DEFAULT 0,
  ttr_b9 REAL NOT NULL DEFAULT 0,
  ttr_b10 REAL NOT NULL DEFAULT 0,
  ttr_b11 REAL NOT NULL DEFAULT 0,
  ttr_b12 REAL NOT NULL DEFAULT 0,
  ttr_b13 REAL NOT NULL DEFAULT 0,
  ttr_b14 REAL NOT NULL DEFAULT 0,
  ttr_b15 REAL NOT NULL DEFAULT 0,
  ttr_b16 REAL NOT NULL DEFAULT 0,
  ttr_b17 REAL NOT NULL DEFAULT 0,
  ttr_b18 REAL NOT NULL DEFAULT 0,
  ttr_b19 REAL NOT NULL DEFAULT 0,
  ttr_b20 REAL NOT NULL DEFAULT 0,
  ttr_b21 REAL NOT NULL DEFAULT 0,
  ttr_b22 REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, channel, grp, brand)
);
