import type { WebClient } from '@slack/web-api';
import {
  type Case,
  type ExpertSuggestion,
  productOf,
  similarityProfile,
  suggestExperts,
} from '@support-metrics/core';
import type { Stores, TicketNotes } from '@support-metrics/platform';
import { caseCardMessage, closeSwarmModal, swarmNote } from '../blocks/swarm-blocks.js';
import type { SlackStore, SwarmRow } from '../store/slack-store.js';

/** What swarm work needs: the stores, a Slack client authorised for the tenant's workspace, the clock. */
export interface SwarmContext {
  tenantId: string;
  stores: Pick<Stores, 'cases' | 'bugLinks'>;
  slackStore: SlackStore;
  client: WebClient;
  now: () => Date;
  notes: TicketNotes | null;
  /** Link to a ticket in the helpdesk, when its address is known. */
  ticketUrl: (caseId: string) => string | null;
}

export type StartSwarmResult =
  | { kind: 'not_found'; caseId: string }
  | {
      kind: 'started' | 'reused';
      swarm: SwarmRow;
      channelId: string;
      channelName: string;
      experts: (ExpertSuggestion & { slackUserId: string | null })[];
    };

/** Slack channel name of a case's swarm: `swarm-1234-export-fails-on-large`, lower case, at most 80 characters. */
export function swarmChannelName(caseId: string, subject: string): string {
  const id = caseId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  const words = subject
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    if (`${slug}-${w}`.length > 30) break;
    slug = slug ? `${slug}-${w}` : w;
  }
  return `swarm-${id}${slug ? `-${slug}` : ''}`.slice(0, 80).replace(/-+$/, '');
}

/** The Slack Web API error code of a failed call (`name_taken`, `users_not_found`, …), or null. */
export function slackErrorCode(e: unknown): string | null {
  const data = (e as { data?: { error?: unknown } })?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

async function findChannelByName(
  client: WebClient,
  name: string,
): Promise<{ id: string; archived: boolean } | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await client.conversations.list({
      types: 'public_channel',
      exclude_archived: false,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const hit = res.channels?.find((ch) => ch.name === name);
    if (hit?.id) return { id: hit.id, archived: hit.is_archived === true };
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return null;
}

/** The swarm channel: created, or (name taken: an earlier swarm of the case) found, unarchived and joined. */
async function openChannel(ctx: SwarmContext, name: string, earlier: SwarmRow | null): Promise<string> {
  try {
    const created = await ctx.client.conversations.create({ name });
    if (!created.channel?.id) throw new Error('conversations.create returned no channel');
    return created.channel.id;
  } catch (e) {
    if (slackErrorCode(e) !== 'name_taken') throw e;
  }
  const found =
    earlier?.channelId && earlier.channelName === name
      ? { id: earlier.channelId, archived: true }
      : await findChannelByName(ctx.client, name);
  if (!found) throw new Error(`channel #${name} exists but cannot be found`);
  if (found.archived)
    await ctx.client.conversations.unarchive({ channel: found.id }).catch((e: unknown) => {
      if (slackErrorCode(e) !== 'not_archived') throw e;
    });
  await ctx.client.conversations.join({ channel: found.id }).catch((e: unknown) => {
    if (
      slackErrorCode(e) !== 'already_in_channel' &&
      slackErrorCode(e) !== 'method_not_supported_for_channel_type'
    )
      throw e;
  });
  return found.id;
}

/** The Slack user of an agent, by their email; null when they are not in the workspace. */
async function slackUserOf(client: WebClient, email: string | null): Promise<string | null> {
  if (!email) return null;
  try {
    return (await client.users.lookupByEmail({ email })).user?.id ?? null;
  } catch (e) {
    if (slackErrorCode(e) === 'users_not_found') return null;
    throw e;
  }
}

/** Experts for a case from the store: who solved similar cases in 90 days, minus the assignee and those at capacity. */
export async function expertsFor(ctx: Pick<SwarmContext, 'tenantId' | 'slackStore' | 'now'>, c: Case) {
  const now = ctx.now();
  const profile = similarityProfile(c);
  const history = await ctx.slackStore.solvedHistory(ctx.tenantId, {
    since: new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    issueType: profile.issueType,
    product: productOf(c),
  });
  const agents = [...new Set(history.map((h) => h.assignee.id))];
  const openLoad = await ctx.slackStore.openLoad(ctx.tenantId, agents);
  return suggestExperts(c, history, { now, openLoad });
}

/**
 * Starts a swarm on a case, or brings people back to its open one: a channel `#swarm-<id>-<subject>`, the case
 * card, and the suggested experts invited (found in Slack by their helpdesk email). The case's assignee stays
 * its owner. Safe to repeat: a case has at most one open swarm.
 */
export async function startSwarm(
  ctx: SwarmContext,
  req: { caseId: string; startedBy: { slackUserId: string | null; label: string } },
): Promise<StartSwarmResult> {
  const stored = await ctx.stores.cases.getCase(ctx.tenantId, req.caseId);
  if (!stored) return { kind: 'not_found', caseId: req.caseId };
  const c = stored.case;
  const now = ctx.now();
  const at = now.toISOString();

  let swarm = await ctx.slackStore.openSwarmOfCase(ctx.tenantId, c.id);
  let kind: 'started' | 'reused' = 'reused';
  if (!swarm) {
    const fresh: SwarmRow = {
      id: crypto.randomUUID(),
      caseId: c.id,
      channelId: null,
      channelName: null,
      startedBy: req.startedBy.slackUserId ?? req.startedBy.label,
      startedAt: at,
      status: 'open',
    };
    if (await ctx.slackStore.insertSwarm(ctx.tenantId, fresh)) {
      swarm = fresh;
      kind = 'started';
    } else swarm = await ctx.slackStore.openSwarmOfCase(ctx.tenantId, c.id);
    if (!swarm) throw new Error('swarm vanished while starting');
  }

  let channelId = swarm.channelId;
  let channelName = swarm.channelName ?? swarmChannelName(c.id, c.subject);
  if (!channelId) {
    channelName = swarmChannelName(c.id, c.subject);
    channelId = await openChannel(ctx, channelName, await ctx.slackStore.lastSwarmOfCase(ctx.tenantId, c.id));
    await ctx.slackStore.setSwarmChannel(ctx.tenantId, swarm.id, channelId, channelName);
  }

  const { experts, atCapacity } = await expertsFor(ctx, c);
  const withSlack = await Promise.all(
    experts.map(async (e) => ({ ...e, slackUserId: await slackUserOf(ctx.client, e.agent.email) })),
  );
  const invitees = [
    ...new Set(
      [req.startedBy.slackUserId, ...withSlack.map((e) => e.slackUserId)].filter((u): u is string => !!u),
    ),
  ];
  if (invitees.length > 0)
    await ctx.client.conversations
      .invite({ channel: channelId, users: invitees.join(',') })
      .catch((e: unknown) => {
        const code = slackErrorCode(e);
        if (code !== 'already_in_channel' && code !== 'cant_invite_self') throw e;
      });
  if (req.startedBy.slackUserId)
    await ctx.slackStore.addParticipant(
      ctx.tenantId,
      swarm.id,
      { slackUserId: req.startedBy.slackUserId, agentId: null, role: 'starter' },
      at,
    );
  for (const e of withSlack)
    if (e.slackUserId)
      await ctx.slackStore.addParticipant(
        ctx.tenantId,
        swarm.id,
        { slackUserId: e.slackUserId, agentId: e.agent.id, role: 'expert' },
        at,
      );

  // The card goes up once: a start that failed after the channel was made posts it when started again.
  if (!swarm.cardTs) {
    // The items and their labels (the full result; the store keeps the verdict).
    const latest = await ctx.stores.cases.completenessOf(ctx.tenantId, stored);
    const card = caseCardMessage({
      case: c,
      ageHours: (now.getTime() - Date.parse(c.createdAt)) / 3_600_000,
      completeness: latest
        ? {
            score: latest.score,
            missing: latest.items.filter((i) => i.required && !i.present).map((i) => i.label),
          }
        : null,
      bugs: (await ctx.stores.bugLinks.linksOf(ctx.tenantId, c.id)).map((l) => ({
        issueKey: l.issueKey,
        status: l.status,
        summary: l.summary,
      })),
      ticketUrl: ctx.ticketUrl(c.id),
      experts: withSlack,
      atCapacity: atCapacity.length,
      swarmId: swarm.id,
      startedBy: req.startedBy.slackUserId ? `<@${req.startedBy.slackUserId}>` : req.startedBy.label,
    });
    const posted = await ctx.client.chat.postMessage({
      channel: channelId,
      text: card.text,
      blocks: card.blocks,
    });
    if (posted.ts) await ctx.slackStore.setSwarmCard(ctx.tenantId, swarm.id, posted.ts);
  }
  return { kind, swarm: { ...swarm, channelId, channelName }, channelId, channelName, experts: withSlack };
}

/** Opens the Close-swarm modal. */
export async function openCloseSwarmModal(
  ctx: Pick<SwarmContext, 'client' | 'tenantId' | 'slackStore'>,
  swarmId: string,
  triggerId: string,
) {
  const swarm = await ctx.slackStore.swarm(ctx.tenantId, swarmId);
  if (!swarm) return false;
  await ctx.client.views.open({ trigger_id: triggerId, view: closeSwarmModal(swarm.id, swarm.caseId) });
  return true;
}

export type CloseSwarmResult =
  | { kind: 'not_found' }
  | { kind: 'already_closed' }
  | { kind: 'closed'; noted: boolean; collaborators: number; participants: { slackUserId: string }[] };

/**
 * Closes a swarm with its summary: records the end, posts the summary to the ticket as an internal note
 * (knowledge capture), and adds the participants to the case's collaborators (collaboration_rate counts it).
 * A second close changes nothing.
 */
export async function closeSwarm(
  ctx: SwarmContext,
  req: { swarmId: string; by: string; summary: string },
): Promise<CloseSwarmResult> {
  const swarm = await ctx.slackStore.swarm(ctx.tenantId, req.swarmId);
  if (!swarm) return { kind: 'not_found' };
  const at = ctx.now().toISOString();
  if (!(await ctx.slackStore.closeSwarm(ctx.tenantId, swarm.id, req.by, req.summary, at)))
    return { kind: 'already_closed' };
  const participants = await ctx.slackStore.participants(ctx.tenantId, swarm.id);

  let noted = false;
  if (ctx.notes)
    try {
      const names = await Promise.all(
        participants.map(async (p) => {
          try {
            const info = await ctx.client.users.info({ user: p.slackUserId });
            return info.user?.real_name || info.user?.name || p.slackUserId;
          } catch {
            return p.slackUserId;
          }
        }),
      );
      await ctx.notes.addInternalNote(
        swarm.caseId,
        swarmNote({
          channelName: swarm.channelName,
          startedAt: swarm.startedAt,
          endedAt: at,
          participants: names,
          summary: req.summary,
        }),
      );
      noted = true;
    } catch (e) {
      // The ticket did not get the note: reopen, so that submitting again retries instead of losing the summary.
      await ctx.slackStore.reopenSwarm(ctx.tenantId, swarm.id);
      throw e;
    }

  // The swarm's people become the case's collaborators (never the owner): collaboration, not escalation.
  let collaborators = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await ctx.stores.cases.getCase(ctx.tenantId, swarm.caseId);
    if (!stored) break;
    const owner = stored.case.assignee?.id;
    const ids = new Set(stored.case.collaborators ?? []);
    for (const p of participants) {
      const id = p.agentId ?? `slack:${p.slackUserId}`;
      if (id !== owner) ids.add(id);
    }
    collaborators = ids.size;
    try {
      await ctx.stores.cases.saveCase(
        ctx.tenantId,
        { ...stored.case, collaborators: [...ids] },
        {
          source: 'slack-swarm',
          eventId: `swarm-close:${swarm.id}`,
          eventType: 'swarm.closed',
          at,
          payload: { swarmId: swarm.id },
        },
        { stored },
      );
      break;
    } catch (e) {
      if ((e as Error)?.name !== 'StaleCaseError' || attempt === 2) throw e;
    }
  }
  if (swarm.channelId)
    await ctx.client.chat.postMessage({
      channel: swarm.channelId,
      text: `Swarm closed by <@${req.by}>.${noted ? ' The summary is on the ticket as an internal note.' : ' The Zendesk API is not configured: the summary is kept here only.'}`,
    });
  return { kind: 'closed', noted, collaborators, participants };
}

/** Someone joined a swarm channel: they take part (counted when the swarm closes). */
export async function recordSwarmJoin(
  ctx: Pick<SwarmContext, 'tenantId' | 'slackStore' | 'now'>,
  channelId: string,
  slackUserId: string,
) {
  const swarm = await ctx.slackStore.swarmByChannel(ctx.tenantId, channelId);
  if (!swarm) return false;
  await ctx.slackStore.addParticipant(
    ctx.tenantId,
    swarm.id,
    { slackUserId, agentId: null, role: 'joined' },
    ctx.now().toISOString(),
  );
  return true;
}
