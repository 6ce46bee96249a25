import type { KnownBlock } from '@slack/types';
import { DEFAULT_RUBRIC, getMetricDefinition, type MetricResult } from '@support-metrics/core';
import type { RankedBug as BugImpactRow } from '@support-metrics/platform';
import type { ChartImage } from '../charts/chart-service.js';
import type { DayWindow } from '../commands/parse-command.js';
import type { UserSwarm } from '../store/home-store.js';
import type { Subscription } from '../store/slack-store.js';
import { bugLine } from './bugs-blocks.js';
import { chartBlock } from './chart-blocks.js';
import { benchmarkText, changeText, formatValue, sparkline, statusIcon } from './format.js';
import { HEADLINE_KPIS } from './metrics-blocks.js';
import { button, context, divider, escapeMrkdwn, header, LIMITS, section, truncate } from './mrkdwn.js';
import { ageText } from './swarm-blocks.js';

/** The Home tab's callback id, and the actions and modal of its subscription buttons. */
export const HOME = {
  callbackId: 'support_metrics_home',
  addSubscription: 'home_add_subscription',
  editSubscription: 'home_edit_subscription',
  unsubscribe: 'home_unsubscribe',
  subscriptionModal: 'home_subscription_modal',
} as const;

// The rubric's own labels name the items (as the completeness blocks do).
const ITEM_LABELS: Record<string, string> = DEFAULT_RUBRIC.text.en?.labels ?? {};

/** An open case past its cohort's usual resolution time (the Home tab lists them without experts: cheap). */
export interface HomeAgingCase {
  caseId: string;
  subject: string;
  ageHours: number;
  thresholdHours: number;
  cohort: string;
}

export interface HomeData {
  userId: string;
  window: DayWindow;
  previous: DayWindow;
  counts: { created: number; solved: number };
  current: Record<string, MetricResult>;
  before: Record<string, MetricResult>;
  /** Weekly values of each headline KPI, oldest first (the last 8 weeks). */
  trend: Record<string, (number | null)[]>;
  /** The trend chart of each headline KPI that has one (signed image URLs on this worker). */
  charts?: Record<string, ChartImage>;
  /** Items most often missing at creation on incomplete cases of the completeness window. */
  missing: { item: string; cases: number }[];
  completenessWindow: DayWindow;
  aging: HomeAgingCase[];
  /** How many cases are past their threshold in all (`aging` holds the first few). */
  agingTotal: number;
  swarms: UserSwarm[];
  bugs: BugImpactRow[];
  subscriptions: Subscription[];
  jiraBaseUrl: string | null;
  /** When the data was read (ISO): shown, so that a stale tab says so. */
  at: string;
}

/** Section counts kept small: a Home tab holds at most 100 blocks, and a dashboard is read at a glance. */
export const HOME_MAX = { aging: 8, swarms: 8, bugs: 5, subscriptions: 10 } as const;

function kpiLine(id: (typeof HEADLINE_KPIS)[number], d: HomeData): string {
  const def = getMetricDefinition(id);
  const now = d.current[id];
  const trend = `\`${sparkline(d.trend[id] ?? [])}\``;
  if (!now) return `❔ *${def.name}*: not measured ${trend}`;
  return `${statusIcon(now)} *${def.name}*: ${formatValue(def.unit, now.value)} ${trend} ${benchmarkText(def, now)} · ${changeText(def, now.value, d.before[id]?.value ?? null)}`;
}

function agingBlocks(d: HomeData): KnownBlock[] {
  if (d.aging.length === 0) return [section('*Aging cases*: none past their cohort’s 75th percentile. 🎉')];
  const shown = d.aging.slice(0, HOME_MAX.aging);
  return [
    section(`*Aging cases that need a swarm* (${Math.max(d.agingTotal, d.aging.length)})`),
    ...shown.map((a) =>
      section(
        `*#${escapeMrkdwn(a.caseId)}* ${escapeMrkdwn(truncate(a.subject || '(no subject)', 90))}\nopen ${ageText(a.ageHours)}, past the 75th percentile of ${escapeMrkdwn(a.cohort)} (${ageText(a.thresholdHours)})`,
        button('Start swarm', 'start_swarm', a.caseId, 'primary'),
      ),
    ),
    ...(Math.max(d.agingTotal, d.aging.length) > shown.length
      ? [context(`and ${Math.max(d.agingTotal, d.aging.length) - shown.length} more`)]
      : []),
  ];
}

function swarmBlocks(d: HomeData): KnownBlock[] {
  if (d.swarms.length === 0)
    return [
      section(
        '*Your open swarms*: none. Start one on an aging case above, or `/support-metrics swarm 1234`.',
      ),
    ];
  return [
    section(`*Your open swarms* (${d.swarms.length})`),
    ...d.swarms
      .slice(0, HOME_MAX.swarms)
      .map((s) =>
        section(
          `*#${escapeMrkdwn(s.caseId)}* ${escapeMrkdwn(truncate(s.subject || '(no subject)', 90))}\n${s.channelId ? `<#${s.channelId}>` : '_channel not made yet_'} · ${s.started ? 'you started it' : 'you are in it'} · since ${s.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
          button('Close swarm', 'close_swarm', s.id),
        ),
      ),
  ];
}

function subscriptionBlocks(d: HomeData): KnownBlock[] {
  const subs = d.subscriptions.slice(0, HOME_MAX.subscriptions);
  return [
    section(
      subs.length
        ? `*Daily posts* (${d.subscriptions.length} channel${d.subscriptions.length === 1 ? '' : 's'})`
        : '*Daily posts*: no channel gets the daily metrics post yet.',
      button('Subscribe a channel', HOME.addSubscription, 'new'),
    ),
    ...subs.flatMap((s): KnownBlock[] => [
      section(
        `<#${s.channelId}> at ${escapeMrkdwn(s.localTime)} ${escapeMrkdwn(s.timeZone)}, with aging-case alerts`,
      ),
      {
        type: 'actions',
        block_id: `subscription:${s.channelId}`,
        elements: [
          button('Change time', HOME.editSubscription, s.channelId),
          {
            ...button('Unsubscribe', HOME.unsubscribe, s.channelId, 'danger'),
            confirm: {
              title: { type: 'plain_text', text: 'Stop the daily post?' },
              text: { type: 'mrkdwn', text: `<#${s.channelId}> will no longer get the daily metrics post.` },
              confirm: { type: 'plain_text', text: 'Unsubscribe' },
              deny: { type: 'plain_text', text: 'Keep it' },
              style: 'danger',
            },
          },
        ],
      } as KnownBlock,
    ]),
  ];
}

/**
 * The App Home tab of a user (views.publish): the team's headline KPIs of the last 7 days against the study's
 * benchmarks with their 8-week trend, case completeness and what is most often missing, the aging cases that
 * need a swarm (Start swarm), the user's own open swarms (Close swarm), the bugs with the most new cases, and the
 * channel subscriptions with buttons to change them. At most 100 blocks, every text within Slack's limits.
 */
export function homeView(d: HomeData): { type: 'home'; callback_id: string; blocks: KnownBlock[] } {
  const completeness = d.current.case_completeness;
  const missing = d.missing.length
    ? d.missing
        .map(
          (m) =>
            `• ${escapeMrkdwn(ITEM_LABELS[m.item] ?? m.item)}: ${m.cases} case${m.cases === 1 ? '' : 's'}`,
        )
        .join('\n')
    : '_Nothing was missing on new cases, or none arrived._';
  const blocks: KnownBlock[] = [
    header('Support Metrics'),
    context(
      `${d.window.label} (${d.window.from} – ${d.window.to} UTC) · ${d.counts.created} cases created, ${d.counts.solved} solved · change vs ${d.previous.from} – ${d.previous.to} · trend: the last 8 weeks · updated ${d.at.slice(0, 16).replace('T', ' ')} UTC`,
    ),
    section(HEADLINE_KPIS.map((id) => kpiLine(id, d)).join('\n')),
    context('✅ at or above target · ➖ between industry average and target · 🔻 below industry average'),
    ...HEADLINE_KPIS.flatMap((id) => (d.charts?.[id] ? [chartBlock(d.charts[id])] : [])),
    divider(),
    section(
      `*Case completeness*: ${completeness ? `${formatValue('ratio', completeness.value)} ${statusIcon(completeness)}` : 'not measured'}\n*Most often missing* (${d.completenessWindow.label}):\n${missing}`,
    ),
    divider(),
    ...agingBlocks(d),
    divider(),
    ...swarmBlocks(d),
    divider(),
    section(
      d.bugs.length
        ? `*Bugs with the most new cases* (last 7 days)\n${d.bugs
            .slice(0, HOME_MAX.bugs)
            .map((b, i) => `${bugLine(b, i + 1, d.jiraBaseUrl)}, ${b.newCases} new`)
            .join('\n')}`
        : '*Bugs*: no case was linked to a Jira issue in the last 7 days.',
    ),
    divider(),
    ...subscriptionBlocks(d),
  ];
  return { type: 'home', callback_id: HOME.callbackId, blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

/** What the subscription modal edits: a channel (fixed when changing one), a time, a time zone. */
export interface SubscriptionForm {
  channelId: string | null;
  time: string;
  timeZone: string;
}

/** The modal behind "Subscribe a channel" and "Change time": channel, local time (timepicker), time zone. */
export function subscriptionModal(f: SubscriptionForm) {
  return {
    type: 'modal' as const,
    callback_id: HOME.subscriptionModal,
    // The channel being changed (empty for a new one): a changed channel moves the subscription.
    private_metadata: f.channelId ?? '',
    title: { type: 'plain_text' as const, text: 'Daily metrics post' },
    submit: { type: 'plain_text' as const, text: 'Save' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'channel',
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: 'value',
          filter: { include: ['public'], exclude_bot_users: true },
          ...(f.channelId ? { initial_conversation: f.channelId } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'time',
        label: { type: 'plain_text', text: 'Local time' },
        element: { type: 'timepicker', action_id: 'value', initial_time: f.time },
      },
      {
        type: 'input',
        block_id: 'time_zone',
        label: { type: 'plain_text', text: 'Time zone (IANA name)' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          initial_value: f.timeZone,
          max_length: 64,
          placeholder: { type: 'plain_text', text: 'Europe/Berlin' },
        },
      },
      context('The post covers yesterday (UTC) and comes with aging-case alerts.'),
    ] as KnownBlock[],
  };
}
