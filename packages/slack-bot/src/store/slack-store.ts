import type { IssueType, ResolvedSample, SolvedCaseSummary } from '@support-metrics/core';
import type { EvidenceSource, Stores } from '@support-metrics/platform';
import { SLACK_SQL } from './slack-sql.js';

export interface Installation {
  tenantId: string;
  teamId: string;
  enterpriseId: string | null;
  botUserId: string | null;
  botTokenEnc: string;
}

export interface Subscription {
  tenantId: string;
  teamId: string;
  channelId: string;
  localTime: string;
  timeZone: string;
}

export interface SwarmRow {
  id: string;
  caseId: string;
  channelId: string | null;
  channelName: string | null;
  /** The case card's message ts; null until it is posted. */
  cardTs?: string | null;
  startedBy: string;
  startedAt: string;
  status: 'open' | 'closed';
  endedAt?: string | null;
  summary?: string | null;
}

const swarmFromRow = (r: Record<string, unknown>): SwarmRow => ({
  id: String(r.id),
  caseId: String(r.case_id),
  channelId: (r.channel_id as string | null) ?? null,
  channelName: (r.channel_name as string | null) ?? null,
  cardTs: (r.card_ts as string | null | undefined) ?? null,
  startedBy: String(r.started_by),
  startedAt: String(r.started_at),
  status: r.status === 'closed' ? 'closed' : 'open',
  endedAt: (r.ended_at as string | null | undefined) ?? null,
  summary: (r.summary as string | null | undefined) ?? null,
});

const installationFromRow = (r: Record<string, unknown>): Installation => ({
  tenantId: String(r.tenant_id),
  teamId: String(r.team_id),
  enterpriseId: (r.enterprise_id as string | null) ?? null,
  botUserId: (r.bot_user_id as string | null) ?? null,
  botTokenEnc: String(r.bot_token_enc),
});

const subscriptionFromRow = (r: Record<string, unknown>): Subscription => ({
  tenantId: String(r.tenant_id),
  teamId: String(r.team_id),
  channelId: String(r.channel_id),
  localTime: String(r.local_time),
  timeZone: String(r.time_zone),
});

const changed = (r: D1Result) => (r.meta.changes ?? 0) > 0;

/** The D1 adapter of the Slack bot's tables (its SQL: slack-sql.ts). Every method takes the tenant. */
export class SlackStore {
  constructor(private readonly db: D1Database) {}

  async saveInstallation(i: Installation, at: string): Promise<void> {
    await this.db
      .prepare(SLACK_SQL.upsertInstallation)
      .bind(i.tenantId, i.teamId, i.enterpriseId, i.botUserId, i.botTokenEnc, at)
      .run();
  }

  async installationByTeam(teamId: string): Promise<Installation | null> {
    const r = await this.db
      .prepare(SLACK_SQL.installationByTeam)
      .bind(teamId)
      .first<Record<string, unknown>>();
    return r ? installationFromRow(r) : null;
  }

  async installationOfTenant(tenantId: string, teamId: string | null = null): Promise<Installation | null> {
    const r = await this.db
      .prepare(SLACK_SQL.installationOfTenant)
      .bind(tenantId, teamId, teamId)
      .first<Record<string, unknown>>();
    return r ? installationFromRow(r) : null;
  }

  /** app_uninstalled / tokens_revoked: the workspace's tokens are gone, so are its rows. */
  async removeTeam(teamId: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.deleteInstallationsOfTeam).bind(teamId).run();
  }

  async subscribe(s: Subscription, by: string, at: string): Promise<void> {
    await this.db
      .prepare(SLACK_SQL.upsertSubscription)
      .bind(s.tenantId, s.teamId, s.channelId, s.localTime, s.timeZone, by, at)
      .run();
  }

  async unsubscribe(tenantId: string, channelId: string): Promise<boolean> {
    return changed(await this.db.prepare(SLACK_SQL.deleteSubscription).bind(tenantId, channelId).run());
  }

  async subscriptions(tenantId?: string): Promise<Subscription[]> {
    const stmt = tenantId
      ? this.db.prepare(SLACK_SQL.subscriptionsOfTenant).bind(tenantId)
      : this.db.prepare(SLACK_SQL.allSubscriptions);
    const { results } = await stmt.all<Record<string, unknown>>();
    return results.map(subscriptionFromRow);
  }

  /** True when this call claimed the channel's post of that day (nobody else will post it). */
  async claimPost(tenantId: string, channelId: string, day: string, at: string): Promise<boolean> {
    return changed(await this.db.prepare(SLACK_SQL.claimPost).bind(tenantId, channelId, day, at).run());
  }

  async markPostSent(tenantId: string, channelId: string, day: string, ts: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.markPostSent).bind(ts, tenantId, channelId, day).run();
  }

  async releasePost(tenantId: string, channelId: string, day: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.releasePost).bind(tenantId, channelId, day).run();
  }

  async openSwarmOfCase(tenantId: string, caseId: string): Promise<SwarmRow | null> {
    const r = await this.db
      .prepare(SLACK_SQL.openSwarmOfCase)
      .bind(tenantId, caseId)
      .first<Record<string, unknown>>();
    return r ? swarmFromRow(r) : null;
  }

  async lastSwarmOfCase(tenantId: string, caseId: string): Promise<SwarmRow | null> {
    const r = await this.db
      .prepare(SLACK_SQL.lastSwarmOfCase)
      .bind(tenantId, caseId)
      .first<Record<string, unknown>>();
    return r ? swarmFromRow(r) : null;
  }

  async swarm(tenantId: string, id: string): Promise<SwarmRow | null> {
    const r = await this.db.prepare(SLACK_SQL.swarmById).bind(tenantId, id).first<Record<string, unknown>>();
    return r ? swarmFromRow(r) : null;
  }

  async swarmByChannel(tenantId: string, channelId: string): Promise<SwarmRow | null> {
    const r = await this.db
      .prepare(SLACK_SQL.swarmByChannel)
      .bind(tenantId, channelId)
      .first<Record<string, unknown>>();
    return r ? swarmFromRow(r) : null;
  }

  /** Records a new open swarm; false when the case has one already (a concurrent start won). */
  async swarmsSince(tenantId: string, since: string): Promise<number> {
    const row = await this.db.prepare(SLACK_SQL.swarmsSince).bind(tenantId, since).first<{ n: number }>();
    return Number(row?.n ?? 0);
  }

  async insertSwarm(tenantId: string, s: SwarmRow): Promise<boolean> {
    try {
      await this.db
        .prepare(SLACK_SQL.insertSwarm)
        .bind(s.id, tenantId, s.caseId, s.channelId, s.channelName, s.startedBy, s.startedAt)
        .run();
      return true;
    } catch (e) {
      if (/UNIQUE constraint failed/i.test(String((e as Error)?.message))) return false;
      throw e;
    }
  }

  async setSwarmChannel(tenantId: string, id: string, channelId: string, channelName: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.setSwarmChannel).bind(channelId, channelName, tenantId, id).run();
  }

  async setSwarmCard(tenantId: string, id: string, ts: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.setSwarmCard).bind(ts, tenantId, id).run();
  }

  /** Closes a swarm; false when it was closed already (a second click, a retried submission). */
  async closeSwarm(tenantId: string, id: string, by: string, summary: string, at: string): Promise<boolean> {
    return changed(await this.db.prepare(SLACK_SQL.closeSwarm).bind(at, by, summary, tenantId, id).run());
  }

  async reopenSwarm(tenantId: string, id: string): Promise<void> {
    await this.db.prepare(SLACK_SQL.reopenSwarm).bind(tenantId, id).run();
  }

  async addParticipant(
    tenantId: string,
    swarmId: string,
    p: { slackUserId: string; agentId: string | null; role: string },
    at: string,
  ): Promise<void> {
    await this.db
      .prepare(SLACK_SQL.addParticipant)
      .bind(tenantId, swarmId, p.slackUserId, p.agentId, p.role, at)
      .run();
  }

  async participants(tenantId: string, swarmId: string) {
    const { results } = await this.db
      .prepare(SLACK_SQL.participants)
      .bind(tenantId, swarmId)
      .all<{ slack_user_id: string; agent_id: string | null; role: string; joined_at: string }>();
    return results.map((r) => ({
      slackUserId: r.slack_user_id,
      agentId: r.agent_id,
      role: r.role,
      joinedAt: r.joined_at,
    }));
  }

  /** Solved cases since `since` sharing the issue type or product (newest first, at most `limit`). */
  async solvedHistory(
    tenantId: string,
    q: { since: string; issueType: IssueType | null; product: string | null; limit?: number },
  ): Promise<SolvedCaseSummary[]> {
    const { results } = await this.db
      .prepare(SLACK_SQL.solvedByAssignee)
      .bind(tenantId, q.since, q.issueType ?? '', q.product ?? '', q.limit ?? 5_000)
      .all<Record<string, unknown>>();
    return results.map((r) => {
      const a = JSON.parse(String(r.assignee)) as { id: string; name?: string | null; email?: string | null };
      return {
        caseId: String(r.id),
        assignee: { id: String(a.id), name: a.name ?? null, email: a.email ?? null },
        solvedAt: String(r.solved_at),
        issueType: (r.issue_type as IssueType | null) ?? null,
        product: (r.product as string | null) ?? (r.brand as string | null) ?? null,
        tags: r.tags ? (JSON.parse(String(r.tags)) as string[]) : [],
      };
    });
  }

  /** Open cases assigned to each of these agents now. */
  async openLoad(tenantId: string, agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const { results } = await this.db
      .prepare(SLACK_SQL.openLoad)
      .bind(tenantId, JSON.stringify(agentIds))
      .all<{ assignee_id: string; open: number }>();
    return new Map(results.map((r) => [String(r.assignee_id), Number(r.open)]));
  }

  async resolvedSamples(tenantId: string, since: string, limit = 20_000): Promise<ResolvedSample[]> {
    const { results } = await this.db
      .prepare(SLACK_SQL.resolvedSamples)
      .bind(tenantId, since, limit)
      .all<{ issue_type: string | null; priority: string | null; hours: number | null }>();
    return results
      .filter((r) => typeof r.hours === 'number' && r.hours >= 0)
      .map((r) => ({
        issueType: (r.issue_type as IssueType | null) ?? null,
        priority: r.priority ?? null,
        resolutionHours: Number(r.hours),
      }));
  }

  async openCases(tenantId: string, limit = 5_000) {
    const { results } = await this.db.prepare(SLACK_SQL.openCases).bind(tenantId, limit).all<{
      id: string;
      subject: string | null;
      issue_type: string | null;
      priority: string | null;
      created_at: string;
      status: string;
    }>();
    return results.map((r) => ({
      id: r.id,
      subject: r.subject ?? '',
      issueType: (r.issue_type as IssueType | null) ?? null,
      priority: (r.priority as 'low' | 'normal' | 'high' | 'urgent' | null) ?? null,
      createdAt: r.created_at,
      status: r.status as 'new' | 'open' | 'pending' | 'hold',
    }));
  }

  /** True when this call flagged the case for that day (it was not flagged yet). */
  async claimAgingAlert(
    tenantId: string,
    caseId: string,
    day: string,
    threshold: { hours: number; cohort: string },
    at: string,
  ): Promise<boolean> {
    return changed(
      await this.db
        .prepare(SLACK_SQL.claimAgingAlert)
        .bind(tenantId, caseId, day, threshold.hours, threshold.cohort, at)
        .run(),
    );
  }

  async incompleteReasons(tenantId: string, from: string, to: string, limit = 5) {
    const { results } = await this.db
      .prepare(SLACK_SQL.incompleteReasons)
      .bind(tenantId, from, to, limit)
      .all<{ item: string; cases: number }>();
    return results.map((r) => ({ item: r.item, cases: Number(r.cases) }));
  }
}

/** The Slack store of a request or a run, over the stores' database. */
export const slackStoreOf = (stores: Pick<Stores, 'db'>): SlackStore => new SlackStore(stores.db);

/** What Slack adds to the maturity pre-fill (StorePlugins.evidence): the swarms started since a time. */
export const slackEvidence =
  (db: D1Database): EvidenceSource =>
  async (tenantId, since) => ({ swarms: await new SlackStore(db).swarmsSince(tenantId, since) });
