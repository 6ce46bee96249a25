import type { Button, KnownBlock } from '@slack/types';
import type { Case, ExpertSuggestion } from '@support-metrics/core';
import { formatValue } from './format.js';
import type { Message } from './metrics-blocks.js';
import { button, context, escapeMrkdwn, field, header, section, truncate } from './mrkdwn.js';

/**
 * A customer's revenue tier from its organisation's annual recurring revenue: Enterprise from 100,000,
 * Mid-market from 25,000, SMB below; "revenue not known" when the helpdesk does not hold it.
 */
export function revenueTier(recurringRevenue: number | null | undefined): string {
  if (recurringRevenue === null || recurringRevenue === undefined) return 'revenue not known';
  const arr = `${formatValue('currency', recurringRevenue)} ARR`;
  if (recurringRevenue >= 100_000) return `Enterprise (${arr})`;
  if (recurringRevenue >= 25_000) return `Mid-market (${arr})`;
  return `SMB (${arr})`;
}

/** Age in words: 5 h, 3 d 4 h. */
export function ageText(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = Math.floor(hours / 24);
  return `${days} d ${Math.round(hours - days * 24)} h`;
}

/** An agent as a Slack mention when we found their Slack user, else their name. */
export function agentMention(
  agent: { name: string | null; email: string | null; id: string },
  slackUserId?: string | null,
) {
  if (slackUserId) return `<@${slackUserId}>`;
  return escapeMrkdwn(agent.name ?? agent.email ?? `agent ${agent.id}`);
}

export interface CaseCard {
  case: Case;
  ageHours: number;
  completeness: { score: number; missing: string[] } | null;
  bugs: { issueKey: string; status: string | null; summary: string | null }[];
  ticketUrl: string | null;
  experts: (ExpertSuggestion & { slackUserId: string | null })[];
  atCapacity: number;
  swarmId: string;
  startedBy: string;
}

/** The case card posted in a swarm channel: what the experts need to help, and a Close button. */
export function caseCardMessage(card: CaseCard): Message {
  const c = card.case;
  const subject = escapeMrkdwn(truncate(c.subject || '(no subject)', 120));
  const customer = c.organization
    ? `${escapeMrkdwn(c.organization.name ?? `organisation ${c.organization.id}`)} · ${revenueTier(c.organization.recurringRevenue)}`
    : 'no organisation';
  const completeness = card.completeness
    ? `${card.completeness.score}/100${card.completeness.missing.length ? ` — missing ${escapeMrkdwn(card.completeness.missing.join(', '))}` : ' — complete'}`
    : 'not scored';
  const bugs = card.bugs.length
    ? card.bugs
        .map(
          (b) =>
            `${escapeMrkdwn(b.issueKey)}${b.status ? ` (${escapeMrkdwn(b.status)})` : ''}${b.summary ? ` ${escapeMrkdwn(truncate(b.summary, 60))}` : ''}`,
        )
        .join(', ')
    : 'none linked';
  const owner = c.assignee
    ? escapeMrkdwn(c.assignee.name ?? c.assignee.email ?? `agent ${c.assignee.id}`)
    : 'unassigned';
  const experts = card.experts.length
    ? card.experts
        .map((e) => `• ${agentMention(e.agent, e.slackUserId)} — ${escapeMrkdwn(e.reason)}`)
        .join('\n')
    : '_No one solved similar cases in the last 90 days; invite who you know._';
  const blocks: KnownBlock[] = [
    header(truncate(`Swarm on #${c.id}: ${c.subject || '(no subject)'}`, 150)),
    {
      type: 'section',
      fields: [
        field(`*Customer*\n${customer}`),
        field(`*Priority*\n${c.priority ?? 'none'}`),
        field(`*Age*\n${ageText(card.ageHours)} (${c.status})`),
        field(`*Owner*\n${owner} (stays the owner)`),
        field(`*Completeness*\n${completeness}`),
        field(`*Linked bugs*\n${bugs}`),
      ],
    } as KnownBlock,
    section(`*${subject}*\n${escapeMrkdwn(truncate(c.description, 1200))}`),
    section(
      `*Suggested experts*\n${experts}${card.atCapacity ? `\n_${card.atCapacity} more at capacity, not invited._` : ''}`,
    ),
    context(
      `Started by ${card.startedBy}. Collaboration, not escalation: the case keeps its owner. Close the swarm with a summary; it goes to the ticket as an internal note.`,
    ),
    {
      type: 'actions',
      elements: [
        button('Close swarm with a summary', 'close_swarm', card.swarmId, 'primary'),
        ...(card.ticketUrl
          ? [{ ...button('Open ticket', 'open_ticket', c.id), url: card.ticketUrl } as Button]
          : []),
      ],
    } as KnownBlock,
  ];
  return { text: `Swarm on #${escapeMrkdwn(c.id)}: ${escapeMrkdwn(truncate(c.subject, 100))}`, blocks };
}

/** The modal that closes a swarm: what was found and done (it becomes the ticket's internal note). */
export function closeSwarmModal(swarmId: string, caseId: string) {
  return {
    type: 'modal' as const,
    callback_id: 'close_swarm_modal',
    private_metadata: swarmId,
    title: { type: 'plain_text' as const, text: 'Close swarm' },
    submit: { type: 'plain_text' as const, text: 'Close and note' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      section(
        `Summarise what the swarm found for case #${escapeMrkdwn(caseId)}. It is added to the ticket as an internal note, so the next agent finds it.`,
      ),
      {
        type: 'input',
        block_id: 'summary',
        label: { type: 'plain_text', text: 'Summary' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 2900,
          placeholder: { type: 'plain_text', text: 'Cause, fix or workaround, and what to do next time' },
        },
      },
    ] as KnownBlock[],
  };
}

/** The internal note a closed swarm leaves on the ticket (plain text: Zendesk comments are not mrkdwn). */
export function swarmNote(o: {
  channelName: string | null;
  startedAt: string;
  endedAt: string;
  participants: string[];
  summary: string;
}): string {
  return [
    `Swarm summary (Support Metrics, Slack #${o.channelName ?? 'swarm'})`,
    `Started ${o.startedAt}, closed ${o.endedAt}; ${o.participants.length} participant${o.participants.length === 1 ? '' : 's'}: ${o.participants.join(', ') || '—'}.`,
    '',
    o.summary,
  ].join('\n');
}
