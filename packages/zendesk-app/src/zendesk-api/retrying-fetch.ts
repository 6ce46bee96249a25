/** A fetch function as both the global fetch and node-zendesk's transport use it. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Attempts after the first; a request is tried at most `retries + 1` times. */
  retries?: number;
  /** Waits this long; tests pass a recorder instead of a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Longest single wait, so one bad Retry-After cannot stall a run. */
  maxWaitMs?: number;
  /** One attempt that gets no answer within this is aborted and retried like a network error. Default 30 s. */
  timeoutMs?: number;
  /** Called before each wait, e.g. to show "rate limited, waiting 12 s" on a progress bar. */
  onRetry?: (info: { status: number | null; waitMs: number; attempt: number }) => void;
}

/** The wait a 429 asks for: Retry-After in seconds or as an HTTP date; 60 s when absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 60_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 60_000;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps fetch so that Zendesk's rate limits and hiccups are waited out: 429 waits as long as Retry-After
 * says; 5xx, network errors and timeouts back off exponentially (1 s, 2 s, 4 s, …). Other responses —
 * including 4xx errors, which retrying would not fix — are returned as they are.
 *
 * @example const fetchWithRetry = retryingFetch(fetch, { retries: 5 });
 */
export function retryingFetch(fetchImpl: FetchLike, opts: RetryOptions = {}): FetchLike {
  const { retries = 5, sleep = realSleep, maxWaitMs = 120_000, timeoutMs = 30_000, onRetry } = opts;
  return async (url, init) => {
    for (let attempt = 0; ; attempt++) {
      let response: Response | null = null;
      let error: unknown = null;
      try {
        // The caller's own signal still cancels (Ctrl-C); the timeout ends an attempt Zendesk never answers.
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        response = await fetchImpl(url, { ...init, signal });
      } catch (e) {
        // Cancelled by the caller: stop, do not retry.
        if (init?.signal?.aborted) throw e;
        error = e;
      }
      const retryable =
        error !== null || response?.status === 429 || (response !== null && response.status >= 500);
      if (!retryable || attempt >= retries) {
        if (response) return response;
        throw error;
      }
      const waitMs = Math.min(
        maxWaitMs,
        response?.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : 1000 * 2 ** attempt,
      );
      await response?.arrayBuffer().catch(() => undefined); // free the connection before waiting
      onRetry?.({ status: response?.status ?? null, waitMs, attempt: attempt + 1 });
      await sleep(waitMs);
    }
  };
}
