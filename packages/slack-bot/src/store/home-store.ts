import type { SwarmRow } from './slack-store.js';

/**
 * The Home tab's one read that no other view needs: the open swarms a Slack user started or takes part in, newest
 * first, with the case's subject. Bounded (a Home tab lists a few).
 */
export const HOME_SQL = {
  openSwarmsOfUser: `SELECT s.id, s.case_id, s.channel_id, s.channel_name, s.started_by, s.started_at,
      json_extract(c.data, '$.subject') AS subject
    FROM swarms s
    LEFT JOIN cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id
    WHERE s.tenant_id = ? AND s.status = 'open'
      AND (s.started_by = ? OR EXISTS (SELECT 1 FROM swarm_participants p
        WHERE p.tenant_id = s.tenant_id AND p.swarm_id = s.id AND p.slack_user_id = ?))
    ORDER BY s.started_at DESC LIMIT ?`,
} as const;

export interface UserSwarm
  extends Pick<SwarmRow, 'id' | 'caseId' | 'channelId' | 'channelName' | 'startedAt'> {
  subject: string | null;
  /** True when the user started it (else they were invited or joined). */
  started: boolean;
}

/** The open swarms of a Slack user (D1). */
export async function openSwarmsOfUser(
  db: D1Database,
  tenantId: string,
  slackUserId: string,
  limit = 10,
): Promise<UserSwarm[]> {
  const { results } = await db
    .prepare(HOME_SQL.openSwarmsOfUser)
    .bind(tenantId, slackUserId, slackUserId, limit)
    .all<Record<string, unknown>>();
  return results.map((r) => ({
    id: String(r.id),
    caseId: String(r.case_id),
    channelId: (r.channel_id as string | null) ?? null,
    channelName: (r.channel_name as string | null) ?? null,
    startedAt: String(r.started_at),
    subject: (r.subject as string | null) ?? null,
    started: r.started_by === slackUserId,
  }));
}
