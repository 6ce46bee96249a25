import { type ClosurePolicy, ClosurePolicySchema, type Rubric, RubricSchema } from '@support-metrics/core';
import type { ZafClient } from './zaf-client.js';

/** A linked Jira issue as the worker returns it. */
export interface JiraLinkView {
  id: number;
  issueKey: string;
  status: string | null;
  fixVersions: string[];
  /** Revenue at risk: the recurring revenue of the customers linked; null when no organisation has it. */
  impact: { cases: number; openCases: number; customers: number; revenue: number | null };
}

/** The requester organisation's health as `GET /api/customers/:id` returns it (what the sidebar shows of it). */
export interface CustomerHealthView {
  name: string | null;
  score: number | null;
  band: 'healthy' | 'watch' | 'at_risk' | 'churned' | 'not_measured';
  reasons: string[];
}

/** The organisation's health: shown, no organisation on the ticket, or not (yet) known to the worker. */
export type HealthState =
  | { kind: 'ok'; health: CustomerHealthView }
  | { kind: 'no_org' }
  | { kind: 'unknown' };

export type RemoteState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; links: JiraLinkView[]; health?: HealthState }
  | { kind: 'not_stored' }
  | { kind: 'unauthorized' }
  | { kind: 'unreachable'; retryInMs: number };

/** What starting a swarm from the sidebar gave: the Slack channel and who was suggested, or why not. */
export type SwarmOutcome =
  | {
      kind: 'ok';
      started: boolean;
      channelName: string;
      url: string;
      experts: { name: string | null; reason: string; inSlack: boolean }[];
    }
  | { kind: 'error'; reason: 'not_configured' | 'not_stored' | 'unreachable' | 'slack' };

/** How long a sidebar token lives, in seconds (the worker refuses more than 10 minutes). */
export const TOKEN_EXPIRY = 300;

/**
 * The worker, reached through ZAF's secure request proxy: the URL is a secure setting Zendesk fills in server-side
 * (`{{setting.worker_url}}`, scope url), and every request carries a JWT that Zendesk signs with the install's
 * `signing_key` (scope jwt_secret_key; ZAF's `jwt` option, sent as `Authorization: Bearer`), so no key or token ever
 * reaches the browser. The claims say who asks: the Zendesk subdomain (`iss`) and the agent (`sub`, email, name,
 * role). Failures are states, never exceptions.
 */
export class Remote {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private claims: Promise<Record<string, string | null>> | null = null;

  constructor(
    private readonly client: ZafClient,
    private readonly onState: (s: RemoteState) => void,
  ) {}

  /** ZAF's `jwt` request option: HS256 with the install's signing key, the agent's claims, 5 minutes. */
  private async signed(): Promise<{ jwt: NonNullable<Parameters<ZafClient['request']>[0]['jwt']> }> {
    this.claims ??= Promise.all([this.client.context(), this.client.get('currentUser')]).then(
      ([ctx, user]) => {
        const u = (user.currentUser ?? {}) as {
          id?: unknown;
          email?: unknown;
          name?: unknown;
          role?: unknown;
        };
        const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
        return {
          iss: text(ctx.account?.subdomain),
          sub: text(u.id),
          email: text(u.email),
          name: text(u.name),
          role: text(u.role),
        };
      },
    );
    const claims = await this.claims.catch(() => ({}));
    return {
      jwt: { algorithm: 'HS256', secret_key: '{{setting.signing_key}}', expiry: TOKEN_EXPIRY, claims },
    };
  }

  /** Loads the case's links; on failure, says so and retries with backoff (2 s, 4 s, … up to 60 s). */
  async load(caseId: string): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.onState({ kind: 'loading' });
    try {
      const body = await this.client.request<{
        jiraLinks: JiraLinkView[];
        case?: { organization?: { id?: string } | null };
      }>({
        url: `{{setting.worker_url}}/api/cases/${encodeURIComponent(caseId)}`,
        ...(await this.signed()),
        secure: true,
      });
      this.attempt = 0;
      const links = body.jiraLinks ?? [];
      this.onState({ kind: 'ok', links });
      const orgId = body.case?.organization?.id;
      this.onState({ kind: 'ok', links, health: orgId ? await this.health(orgId) : { kind: 'no_org' } });
    } catch (e) {
      const status = (e as { status?: number })?.status;
      if (status === 404) {
        this.onState({ kind: 'not_stored' });
        return;
      }
      // A refused signature will not fix itself: say so instead of retrying.
      if (status === 401 || status === 403) {
        this.onState({ kind: 'unauthorized' });
        return;
      }
      const retryInMs = Math.min(60_000, 2000 * 2 ** this.attempt++);
      this.onState({ kind: 'unreachable', retryInMs });
      this.timer = setTimeout(() => void this.load(caseId), retryInMs);
    }
  }

  /** The health of the requester's organisation; `unknown` when the worker does not know it or cannot say. */
  async health(orgId: string): Promise<HealthState> {
    try {
      const body = await this.client.request<{
        customer: { name: string | null };
        health: CustomerHealthView | null;
      }>({
        url: `{{setting.worker_url}}/api/customers/${encodeURIComponent(orgId)}`,
        ...(await this.signed()),
        secure: true,
      });
      return body.health
        ? { kind: 'ok', health: { ...body.health, name: body.customer?.name ?? null } }
        : { kind: 'unknown' };
    } catch {
      return { kind: 'unknown' };
    }
  }

  /** Links the case to a Jira issue; returns an error message or null. */
  async link(caseId: string, issueKey: string, linkedBy: string): Promise<string | null> {
    try {
      const body = await this.client.request<{ links: JiraLinkView[] }>({
        url: '{{setting.worker_url}}/api/links',
        type: 'POST',
        ...(await this.signed()),
        contentType: 'application/json',
        data: JSON.stringify({ caseId, issueKey, linkedBy }),
        secure: true,
      });
      this.onState({ kind: 'ok', links: body.links });
      return null;
    } catch (e) {
      const status = (e as { status?: number })?.status;
      return status === 404 ? 'not_stored' : status === 400 ? 'bad_key' : 'unreachable';
    }
  }

  /** Starts (or rejoins) the Slack swarm of the case; the worker invites the suggested experts. */
  async swarm(
    caseId: string,
    startedBy: { name: string | null; email: string | null },
  ): Promise<SwarmOutcome> {
    try {
      const body = await this.client.request<{
        kind: 'started' | 'reused';
        channel: { name: string };
        url: string;
        experts: { name: string | null; reason: string; inSlack: boolean }[];
      }>({
        url: '{{setting.worker_url}}/api/swarms',
        type: 'POST',
        ...(await this.signed()),
        contentType: 'application/json',
        data: JSON.stringify({ caseId, startedBy }),
        secure: true,
      });
      return {
        kind: 'ok',
        started: body.kind === 'started',
        channelName: body.channel.name,
        url: body.url,
        experts: body.experts ?? [],
      };
    } catch (e) {
      const status = (e as { status?: number })?.status;
      const reason =
        status === 503
          ? 'not_configured'
          : status === 404
            ? 'not_stored'
            : status === 502
              ? 'slack'
              : 'unreachable';
      return { kind: 'error', reason };
    }
  }

  /**
   * The tenant's rubric and closed-record policy (`GET /api/policies`), so that the sidebar scores as the worker does;
   * null when the worker cannot be reached or answers something else (the defaults apply).
   */
  async policies(): Promise<{ rubric: Rubric; closurePolicy: ClosurePolicy } | null> {
    try {
      const body = await this.client.request<{ rubric?: unknown; closurePolicy?: unknown }>({
        url: '{{setting.worker_url}}/api/policies',
        ...(await this.signed()),
        secure: true,
      });
      const rubric = RubricSchema.safeParse(body?.rubric);
      const closurePolicy = ClosurePolicySchema.safeParse(body?.closurePolicy);
      return rubric.success && closurePolicy.success
        ? { rubric: rubric.data, closurePolicy: closurePolicy.data }
        : null;
    } catch {
      return null;
    }
  }
}
