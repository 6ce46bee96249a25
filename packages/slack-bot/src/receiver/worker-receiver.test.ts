import type { App, ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { WorkerReceiver } from './worker-receiver.js';

/** A stand-in for bolt's App: runs `listener` as processEvent would. */
function receiverWith(listener: (event: ReceiverEvent) => Promise<void>) {
  const receiver = new WorkerReceiver();
  receiver.init({ processEvent: listener } as unknown as App);
  const pending: Promise<unknown>[] = [];
  return { receiver, pending, waitUntil: (p: Promise<unknown>) => void pending.push(p) };
}

describe('WorkerReceiver', () => {
  it('answers with what the listener acks, while the listener carries on under waitUntil', async () => {
    let finished = false;
    const { receiver, pending, waitUntil } = receiverWith(async (event) => {
      await event.ack({ text: 'hi', response_type: 'ephemeral' });
      await new Promise((r) => setTimeout(r, 20));
      finished = true;
    });
    const res = await receiver.dispatch({ command: '/x' }, { waitUntil });
    expect(await res.json()).toEqual({ text: 'hi', response_type: 'ephemeral' });
    expect(finished).toBe(false);
    await Promise.all(pending);
    expect(finished).toBe(true);
  });

  it('answers an empty 200 for an empty ack, text for a string, and refuses a second ack', async () => {
    const { receiver, waitUntil, pending } = receiverWith(async (event) => {
      await event.ack();
      await expect(event.ack('again')).rejects.toThrow('twice');
    });
    const res = await receiver.dispatch({}, { waitUntil });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await Promise.all(pending);
    const text = receiverWith(async (event) => event.ack('plain'));
    expect(await (await text.receiver.dispatch({}, { waitUntil: text.waitUntil })).text()).toBe('plain');
  });

  it('answers 200 when nobody acks in time, and 500 without details when the listener throws first', async () => {
    const slow = receiverWith(() => new Promise((r) => setTimeout(r, 200)));
    expect((await slow.receiver.dispatch({}, { waitUntil: slow.waitUntil, ackTimeoutMs: 10 })).status).toBe(
      200,
    );
    const failing = receiverWith(async () => {
      throw new Error('token xoxb-secret leaked?');
    });
    const res = await failing.receiver.dispatch({}, { waitUntil: failing.waitUntil });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('xoxb');
  });

  it('says how to wire it when used before init', () => {
    expect(() => new WorkerReceiver().dispatch({}, { waitUntil: () => {} })).toThrow('new App({ receiver })');
  });
});
