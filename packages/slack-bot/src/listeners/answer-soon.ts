import type { Message } from '../blocks/metrics-blocks.js';

type Ack = (payload?: Record<string, unknown>) => Promise<void>;
type Respond = (payload: Record<string, unknown>) => Promise<unknown>;

/** How long a command may compute before we ack empty and send the answer through `respond` instead. */
export const ACK_BUDGET_MS = 1_500;

/**
 * Answers a slash command within Slack's 3 s: with the message in the ack when it is ready within the budget,
 * else an empty ack now and the message through the response URL when it is ready.
 */
export async function answerSoon(
  ack: Ack,
  respond: Respond,
  work: () => Promise<Message>,
  budgetMs = ACK_BUDGET_MS,
) {
  const pending = work();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  const first = await Promise.race([pending, late]);
  clearTimeout(timer);
  if (first !== 'late') return ack({ response_type: 'ephemeral', ...first });
  await ack();
  await respond({ response_type: 'ephemeral', ...(await pending) });
}
