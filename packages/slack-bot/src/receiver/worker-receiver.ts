import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

export interface DispatchOptions {
  /** X-Slack-Retry-Num / -Retry-Reason of an Events API redelivery. */
  retryNum?: number;
  retryReason?: string;
  /** Per-request values for listeners; bolt spreads them into `context`. */
  customProperties?: Record<string, unknown>;
  /** Keeps the isolate alive for the work listeners do after they ack (the worker's `ctx.waitUntil`). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** Answer 200 anyway when no listener has acked by then: Slack gives up at 3 s. */
  ackTimeoutMs?: number;
}

/** The HTTP answer for what a listener passed to `ack()`: nothing, a text, or a message/response action. */
export function ackResponse(payload: unknown): Response {
  if (payload === undefined || payload === null || payload === '') return new Response(null, { status: 200 });
  if (typeof payload === 'string')
    return new Response(payload, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return Response.json(payload, { status: 200 });
}

/**
 * A bolt Receiver for Cloudflare Workers (bolt ships none). The route verifies and parses the request, then
 * `dispatch` hands it to `app.processEvent` under `waitUntil` and resolves with the HTTP response as soon as a
 * listener acks — so the answer goes back within Slack's 3 s while the listener carries on (respond, API calls).
 *
 * @example
 * const receiver = new WorkerReceiver();
 * const app = new App({ receiver, authorize });
 * return receiver.dispatch(body, { waitUntil: (p) => c.executionCtx.waitUntil(p) });
 */
export class WorkerReceiver implements Receiver {
  #app: App | undefined;

  init(app: App): void {
    this.#app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  dispatch(body: Record<string, unknown>, opts: DispatchOptions): Promise<Response> {
    const app = this.#app;
    if (!app) throw new Error('WorkerReceiver: pass it to new App({ receiver }) before dispatching');
    return new Promise<Response>((resolve) => {
      let answered = false;
      const answer = (response: Response) => {
        if (answered) return false;
        answered = true;
        clearTimeout(timer);
        resolve(response);
        return true;
      };
      const timer = setTimeout(() => answer(ackResponse(undefined)), opts.ackTimeoutMs ?? 2_800);
      const event: ReceiverEvent = {
        body,
        retryNum: opts.retryNum,
        retryReason: opts.retryReason,
        customProperties: opts.customProperties,
        ack: async (payload?: unknown) => {
          if (!answer(ackResponse(payload))) throw new Error('ack() was called twice');
        },
      };
      opts.waitUntil(
        app.processEvent(event).then(
          () => answer(ackResponse(undefined)),
          (error: unknown) => {
            // Only the error's name: messages may quote request data or tokens.
            console.error(`slack listener failed: ${(error as Error)?.name ?? 'Error'}`);
            answer(
              Response.json({ error: 'internal_error', message: 'something went wrong' }, { status: 500 }),
            );
          },
        ),
      );
    });
  }
}
