/**
 * Sends one signed Slack slash command to a running worker, as Slack would, and prints the answer:
 * `npx tsx packages/worker/scripts/send-demo-slack-command.ts ['30d' | 'fcr' | 'bugs' | 'help' …] [BASE_URL]`.
 * The secret is SLACK_SIGNING_SECRET (the environment, else .dev.vars, else the demo secret `pnpm start` uses). The
 * answer is printed as text and as a Block Kit Builder link that shows it the way Slack would. A chart in the answer
 * (`fcr`, `ttr`, … carry one) is fetched back from the worker and saved as a PNG, its path and URL printed.
 */

import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { requireLocalSecret } from './local-secrets.js';

const text = process.argv[2] ?? '';
const base = process.argv[3] ?? 'http://127.0.0.1:8787';
const secret = requireLocalSecret('SLACK_SIGNING_SECRET');
const body = new URLSearchParams({
  token: 'unused',
  team_id: 'TDEMO',
  team_domain: 'demo',
  channel_id: 'CDEMO',
  channel_name: 'support',
  user_id: 'UDEMO',
  user_name: 'demo',
  command: '/support-metrics',
  text,
  // Answers that take longer than the ack go here: the demo has no Slack to receive them.
  response_url: 'https://hooks.slack.com/commands/TDEMO/0/demo',
  trigger_id: '0.0.demo',
}).toString();
const ts = String(Math.floor(Date.now() / 1000));
const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
const response = await fetch(`${base}/slack/events`, {
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': signature,
  },
  body,
});
const raw = await response.text();
console.log(`HTTP ${response.status}`);
type Text = string | { text?: string } | undefined;
const textOf = (t: Text) => (typeof t === 'string' ? t : t?.text);
let answer: {
  text?: string;
  blocks?: {
    type?: string;
    text?: { text?: string };
    fields?: { text: string }[];
    elements?: { text?: Text }[];
    image_url?: string;
    alt_text?: string;
  }[];
};
try {
  answer = JSON.parse(raw);
} catch {
  console.log(raw || '(empty: the answer went to the response URL)');
  process.exit(response.ok ? 0 : 1);
}
for (const b of answer.blocks ?? []) {
  const parts = [
    b.text?.text,
    ...(b.fields ?? []).map((f) => f.text),
    ...(b.elements ?? []).map((e) => textOf(e.text)),
  ];
  const line = parts.filter(Boolean).join('\n');
  if (line) console.log(`\n${line}`);
  if (b.type === 'image' && b.image_url) {
    // As Slack does: a plain GET of the signed URL.
    const png = await fetch(b.image_url);
    const file = `support-metrics-chart-${Date.now()}.png`;
    if (png.ok) writeFileSync(file, new Uint8Array(await png.arrayBuffer()));
    console.log(
      `\nChart (HTTP ${png.status}${png.ok ? `, saved to ${file}` : ''}): ${b.image_url}\nAlt text: ${b.alt_text}`,
    );
  }
}
if (answer.blocks)
  console.log(
    `\nSee it as Slack shows it: https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify({ blocks: answer.blocks }))}`,
  );
else console.log(answer.text ?? raw);
