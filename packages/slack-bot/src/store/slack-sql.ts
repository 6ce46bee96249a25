/**
 * The Slack bot's SQL (D1 / SQLite): installations, subscriptions, the daily-post ledger, swarms, aging alerts,
 * and the case reads that swarms and aging need. Every statement filters on tenant_id, except the lookups that
 * find the tenant of a Slack workspace. Schema: packages/worker/migrations/0002_slack.sql.
 */
export const SLACK_SQL = {
  upsertInstallation: `INSERT INTO slack_installations (tenant_id, team_id, enterprise_id, bot_user_id, bot_token_enc, installed_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, bot_user_id = excluded.bot_user_id,
      bot_token_enc = excluded.bot_token_enc, installed_at = excluded.installed_at`,
  /** The installation of a workspace (most recent when several tenants installed it: the last install wins). */
  installationByTeam: `SELECT tenant_id, team_id, enterprise_id, bot_user_id, bot_token_enc FROM slack_installations
    WHERE team_id = ? ORDER BY installed_at DESC LIMIT 1`,
  installationOfTenant: `SELECT tenant_id, team_id, enterprise_id, bot_user_id, bot_token_enc FROM slack_installations
    WHERE tenant_id = ? AND (? IS NULL OR team_id = ?) ORDER BY installed_at DESC LIMIT 1`,
  deleteInstallationsOfTeam: 'DELETE FROM slack_installations WHERE team_id = ?',

  upsertSubscription: `INSERT INTO slack_subscriptions (tenant_id, team_id, channel_id, local_time, time_zone, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, channel_id) DO UPDATE SET team_id = excluded.team_id, local_time = excluded.local_time,
      time_zone = excluded.time_zone, created_by = excluded.created_by, created_at = excluded.created_at`,
  deleteSubscription: 'DELETE FROM slack_subscriptions WHERE tenant_id = ? AND channel_id = ?',
  subscriptionsOfTenant:
    'SELECT tenant_id, team_id, channel_id, local_time, time_zone FROM slack_subscriptions WHERE tenant_id = ? ORDER BY channel_id',
  allSubscriptions:
    'SELECT tenant_id, team_id, channel_id, local_time, time_zone FROM slack_subscriptions ORDER BY tenant_id, channel_id',

  /** Claims a channel's post for a day; no row changes when it was claimed already (exactly one post a day). */
  claimPost: `INSERT INTO slack_posts (tenant_id, channel_id, day, status, claimed_at) VALUES (?, ?, ?, 'claimed', ?)
    ON CONFLICT (tenant_id, channel_id, day) DO NOTHING`,
  markPostSent: `UPDATE slack_posts SET status = 'sent', ts = ? WHERE tenant_id = ? AND channel_id = ? AND day = ?`,
  /** A post that failed before Slack accepted it gives the day back, so the next run tries again. */
  releasePost: `DELETE FROM slack_posts WHERE tenant_id = ? AND channel_id = ? AND day = ? AND status = 'claimed'`,

  openSwarmOfCase: `SELECT id, case_id, channel_id, channel_name, card_ts, started_by, started_at, status FROM swarms
    WHERE tenant_id = ? AND case_id = ? AND status = 'open'`,
  lastSwarmOfCase: `SELECT id, case_id, channel_id, channel_name, card_ts, started_by, started_at, status FROM swarms
    WHERE tenant_id = ? AND case_id = ? ORDER BY started_at DESC LIMIT 1`,
  swarmById: `SELECT id, case_id, channel_id, channel_name, card_ts, started_by, started_at, status, ended_at, summary FROM swarms
    WHERE tenant_id = ? AND id = ?`,
  swarmByChannel: `SELECT id, case_id, channel_id, channel_name, card_ts, started_by, started_at, status FROM swarms
    WHERE tenant_id = ? AND channel_id = ? AND status = 'open'`,
  /** Swarms started since a time (the maturity pre-fill's collaboration evidence). Binds: tenant, since. */
  swarmsSince: 'SELECT count(*) AS n FROM swarms WHERE tenant_id = ? AND started_at >= ?',
  /** Fails (unique index swarms_open_case) when the case already has an open swarm. */
  insertSwarm: `INSERT INTO swarms (id, tenant_id, case_id, channel_id, channel_name, started_by, started_at, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
  setSwarmCard: 'UPDATE swarms SET card_ts = ? WHERE tenant_id = ? AND id = ?',
  setSwarmChannel: 'UPDATE swarms SET channel_id = ?, channel_name = ? WHERE tenant_id = ? AND id = ?',
  /** Closes an open swarm; no row changes when it was closed already. */
  closeSwarm: `UPDATE swarms SET status = 'closed', ended_at = ?, ended_by = ?, summary = ?
    WHERE tenant_id = ? AND id = ? AND status = 'open'`,
  reopenSwarm: `UPDATE swarms SET status = 'open', ended_at = NULL, ended_by = NULL, summary = NULL
    WHERE tenant_id = ? AND id = ?`,
  addParticipant: `INSERT INTO swarm_participants (tenant_id, swarm_id, slack_user_id, agent_id, role, joined_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, swarm_id, slack_user_id) DO NOTHING`,
  participants: `SELECT slack_user_id, agent_id, role, joined_at FROM swarm_participants
    WHERE tenant_id = ? AND swarm_id = ? ORDER BY joined_at`,

  /**
   * Expert matching: solved cases of the window with an assignee, newest first, that share the issue type or the
   * product with the case (bounded: the most recent matches carry the recency-weighted score anyway).
   */
  solvedByAssignee: `SELECT id, json_extract(data, '$.assignee') AS assignee, solved_at, issue_type,
      json_extract(data, '$.customFields.product') AS product, brand, json_extract(data, '$.tags') AS tags
    FROM cases WHERE tenant_id = ? AND solved_at >= ? AND assignee_id IS NOT NULL
      AND (issue_type = ? OR coalesce(json_extract(data, '$.customFields.product'), brand) = ?)
    ORDER BY solved_at DESC LIMIT ?`,
  /** Open cases per assignee (capacity), for the agents given as a JSON array. */
  openLoad: `SELECT assignee_id, count(*) AS open FROM cases
    WHERE tenant_id = ? AND status IN ('new', 'open', 'pending', 'hold')
      AND assignee_id IN (SELECT value FROM json_each(?)) GROUP BY assignee_id`,
  /** Resolution times of recently solved cases, by issue type and priority (aging cohorts). */
  resolvedSamples: `SELECT issue_type, priority,
      coalesce(json_extract(data, '$.resolutionHours'), (julianday(solved_at) - julianday(created_at)) * 24) AS hours
    FROM cases WHERE tenant_id = ? AND solved_at >= ? ORDER BY solved_at DESC LIMIT ?`,
  /** Open cases, oldest first. */
  openCases: `SELECT id, json_extract(data, '$.subject') AS subject, issue_type, priority, created_at, status FROM cases
    WHERE tenant_id = ? AND status IN ('new', 'open', 'pending', 'hold') ORDER BY created_at LIMIT ?`,
  /** Flags an aging case for a day; no row changes when it was flagged that day already. */
  claimAgingAlert: `INSERT INTO aging_alerts (tenant_id, case_id, day, threshold_hours, cohort, alerted_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tenant_id, case_id, day) DO NOTHING`,

  /** Why new cases of a window were incomplete: the missing items of their first message, most frequent first. */
  incompleteReasons: `SELECT m.value AS item, count(*) AS cases FROM cases c, json_each(c.completeness_at_creation, '$.missing') m
    WHERE c.tenant_id = ? AND c.created_at >= ? AND c.created_at < ? AND c.complete_at_creation = 0
    GROUP BY m.value ORDER BY cases DESC, item LIMIT ?`,
} as const;
