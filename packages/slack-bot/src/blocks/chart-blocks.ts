import type { KnownBlock } from '@slack/types';
import type { ChartImage } from '../charts/chart-service.js';
import type { Message } from './metrics-blocks.js';
import { truncate } from './mrkdwn.js';

/** An image block of a chart: Slack fetches `url`; the alt text carries every number the image shows. */
export function chartBlock(c: ChartImage): KnownBlock {
  return {
    type: 'image',
    image_url: c.url,
    alt_text: truncate(c.altText, 2000),
    title: { type: 'plain_text', text: truncate(c.title, 2000), emoji: true },
  } as KnownBlock;
}

/** The message with the chart after its text trend (or before its closing context and buttons). */
export function withChart(message: Message, chart: ChartImage): Message {
  const blocks = [...message.blocks];
  const trend = blocks.findIndex((b) => JSON.stringify(b).includes('*Trend (weekly):*'));
  const closing = blocks.findIndex((b) => b.type === 'context' || b.type === 'actions');
  const at = trend >= 0 ? trend + 1 : closing >= 0 ? closing : blocks.length;
  blocks.splice(at, 0, chartBlock(chart));
  return { ...message, blocks };
}
