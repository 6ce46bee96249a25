-- The Slack bot: channel subscriptions, the once-per-day post ledger, swarms with their participants, aging alerts.
-- Plus case columns that expert matching and aging read without parsing every case's JSON.

-- Virtual columns (computed on read, indexable): who owns the case, its issue type (recorded, else inferred when
-- it was scored) and priority.
ALTER TABLE cases ADD COLUMN assignee_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.assignee.id')) VIRTUAL;
ALTER TABLE cases ADD COLUMN issue_type TEXT
  GENERATED ALWAYS AS (coalesce(json_extract(data, '$.issueType'), json_extract(completeness_latest, '$.issueType'))) VIRTUAL;
ALTER TABLE cases ADD COLUMN priority TEXT GENERATED ALWAYS AS (json_extract(data, '$.priority')) VIRTUAL;
CREATE INDEX cases_solved ON cases(tenant_id, solved_at);
CREATE INDEX cases_assignee ON cases(tenant_id, assignee_id, status);

-- A channel that gets the daily metrics post (and aging alerts) at a local time.
CREATE TABLE slack_subscriptions (
  tenant_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  -- 'HH:MM' in time_zone (IANA name)
  local_time TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, channel_id)
);

-- One row per channel and local day a daily post was claimed: the primary key makes a second cron run (or a
-- retried worker) unable to post again. status: 'claimed' while posting, 'sent' with the message ts.
CREATE TABLE slack_posts (
  tenant_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  ts TEXT,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, channel_id, day)
);

ALTER TABLE swarms ADD COLUMN channel_name TEXT;
-- The case card's message: a swarm started again after a failure posts it if it is still missing.
ALTER TABLE swarms ADD COLUMN card_ts TEXT;
ALTER TABLE swarms ADD COLUMN ended_at TEXT;
ALTER TABLE swarms ADD COLUMN ended_by TEXT;
ALTER TABLE swarms ADD COLUMN summary TEXT;
-- At most one open swarm per case.
CREATE UNIQUE INDEX swarms_open_case ON swarms(tenant_id, case_id) WHERE status = 'open';

-- Who took part in a swarm (Slack user, and the helpdesk agent when known), and how they came in.
CREATE TABLE swarm_participants (
  tenant_id TEXT NOT NULL,
  swarm_id TEXT NOT NULL,
  slack_user_id TEXT NOT NULL,
  agent_id TEXT,
  role TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, swarm_id, slack_user_id)
);

-- An aging case is flagged at most once per case per UTC day.
CREATE TABLE aging_alerts (
  tenant_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  day TEXT NOT NULL,
  threshold_hours REAL NOT NULL,
  cohort TEXT NOT NULL,
  alerted_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, case_id, day)
);
