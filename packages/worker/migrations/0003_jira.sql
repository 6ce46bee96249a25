-- The Jira bridge: what is known of each issue, releases, links between issues, and the outbox of write-backs
-- (Jira impact, Zendesk notes) that a Jira or Zendesk outage delays but never loses.

ALTER TABLE jira_issues ADD COLUMN issue_id TEXT;
ALTER TABLE jira_issues ADD COLUMN issue_type TEXT;
-- Jira's own `updated` of the snapshot stored (epoch ms): an older delivery does not roll the issue back.
ALTER TABLE jira_issues ADD COLUMN source_updated_ms INTEGER;
-- The one comment carrying the impact, updated in place.
ALTER TABLE jira_issues ADD COLUMN impact_comment_id TEXT;
ALTER TABLE jira_issues ADD COLUMN deleted_at TEXT;
CREATE INDEX jira_issues_id ON jira_issues(tenant_id, issue_id);
CREATE INDEX jira_links_case ON jira_links(tenant_id, case_id);

-- Versions as Jira releases them (jira:version_released, or the fixVersions of an issue).
CREATE TABLE jira_versions (
  tenant_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  name TEXT NOT NULL,
  released INTEGER NOT NULL DEFAULT 0,
  release_date TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, version_id)
);

-- Links between Jira issues (issuelink_created / _deleted): blocks, duplicates, relates.
CREATE TABLE jira_issue_links (
  tenant_id TEXT NOT NULL,
  link_id TEXT NOT NULL,
  source_issue_id TEXT NOT NULL,
  destination_issue_id TEXT NOT NULL,
  link_type TEXT NOT NULL,
  PRIMARY KEY (tenant_id, link_id)
);

-- Work to do against an outside system, one row per (kind, key): enqueuing again coalesces (the impact of an issue is
-- written once however many cases changed), `version` tells a worker whether it changed while being sent.
-- kind 'jira-impact' (key: issue key), 'zendesk-note' (key: issue|transition|case; written once per transition).
CREATE TABLE outbox (
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  due_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  last_error TEXT,
  -- 'pending' until done; a zendesk-note stays as 'done' so that the same transition is never noted twice.
  status TEXT NOT NULL DEFAULT 'pending',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, kind, key)
);
CREATE INDEX outbox_due ON outbox(status, due_at);
