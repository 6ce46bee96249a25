import type { KnownBlock } from '@slack/types';
import type { RankedBug as BugImpactRow } from '@support-metrics/platform';
import { formatValue } from './format.js';
import type { Message } from './metrics-blocks.js';
import { context, escapeMrkdwn, header, section, truncate } from './mrkdwn.js';

/** One bug's impact in a line: cases (open), customers, revenue at risk. */
export function bugLine(b: BugImpactRow, rank: number, jiraBaseUrl: string | null): string {
  const key = jiraBaseUrl
    ? `<${jiraBaseUrl.replace(/\/$/, '')}/browse/${b.issueKey}|${b.issueKey}>`
    : escapeMrkdwn(b.issueKey);
  const summary = b.summary ? ` ${escapeMrkdwn(truncate(b.summary, 80))}` : '';
  const status = b.status ? ` _(${escapeMrkdwn(b.status)})_` : '';
  const revenue =
    b.revenue === null ? 'revenue not measured' : `${formatValue('currency', b.revenue)} ARR at risk`;
  return `${rank}. *${key}*${summary}${status} — ${b.cases} case${b.cases === 1 ? '' : 's'} (${b.openCases} open), ${b.customers} customer${b.customers === 1 ? '' : 's'}, ${revenue}`;
}

/** `/support-metrics bugs`: Jira issues ranked by support demand. */
export function bugsMessage(rows: BugImpactRow[], sort: string, jiraBaseUrl: string | null): Message {
  const blocks: KnownBlock[] = [header(`Bugs by support impact (by ${sort})`)];
  if (rows.length === 0)
    blocks.push(
      section(
        'No cases are linked to Jira issues yet. Link them from the Zendesk sidebar or `POST /api/links`.',
      ),
    );
  else blocks.push(section(rows.map((b, i) => bugLine(b, i + 1, jiraBaseUrl)).join('\n')));
  blocks.push(
    context(
      'Cases linked to each Jira issue, the distinct customers (organisations) behind them, and the sum of their recurring revenue.',
    ),
  );
  return {
    text: `Bugs by support impact: ${rows.map((r) => `${r.issueKey} ${r.cases}`).join(', ') || 'none linked'}`,
    blocks,
  };
}
