import {
  type ClosureCheck,
  type ClosurePolicy,
  type CompletenessResult,
  checkClosureRecord,
  DEFAULT_RUBRIC,
  JIRA_KEY_EXACT,
  productVocabulary,
  type Rubric,
  scoreCase,
  ticketTypeOf,
  withProducts,
} from '@support-metrics/core';
// Only the `sidebar` block: the `app` block (the settings' labels) is Zendesk's, and stays out of the bundle.
import { sidebar as deSidebar } from '../../app/translations/de.json';
import { sidebar as enSidebar } from '../../app/translations/en.json';
import { h } from './dom.js';
import { type HealthState, Remote, type RemoteState, type SwarmOutcome } from './remote.js';
import { readTicket, type TicketSnapshot, type ZafClient } from './zaf-client.js';

type Strings = typeof enSidebar;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Paragraphs of plain text as HTML for a rich-text editor, every character escaped. */
function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export interface SidebarState {
  ticket: TicketSnapshot | null;
  result: CompletenessResult | null;
  closure: ClosureCheck | null;
  remote: RemoteState;
  notice: string | null;
  linkError: string | null;
  swarm: SwarmOutcome | { kind: 'starting' } | null;
}

/**
 * The ticket sidebar: completeness (score, verdict, issue type, items with the snippet that proves each), one
 * button that puts the request for everything missing into the reply, the closed-record checklist (checked, and
 * optionally enforced, when the ticket is solved), and linked Jira bugs. Scoring runs here, with core, and follows
 * every change of the ticket; the worker is only needed for the linked bugs.
 */
export async function mountSidebar(
  root: HTMLElement,
  client: ZafClient,
): Promise<{ rescore: () => Promise<void>; state: SidebarState }> {
  const [{ settings }, locale, context] = await Promise.all([
    client.metadata(),
    client.get('currentUser.locale').catch(() => ({}) as Record<string, unknown>),
    client.context(),
  ]);
  const t: Strings = String(locale['currentUser.locale'] ?? 'en').startsWith('de') ? deSidebar : enSidebar;
  const blocks = settings.closure_blocks_save === true || settings.closure_blocks_save === 'true';
  let linkDraft = '';
  const state: SidebarState = {
    ticket: null,
    result: null,
    closure: null,
    remote: { kind: 'idle' },
    notice: null,
    linkError: null,
    swarm: null,
  };
  const remote = new Remote(client, (s) => {
    state.remote = s;
    render();
  });
  // The tenant's own rubric and closed-record policy, once the worker answers; the defaults until then (or offline).
  let policies: { rubric?: Rubric; closurePolicy?: ClosurePolicy } = {};

  async function rescore(): Promise<void> {
    const ticket = await readTicket(client);
    const rubric = policies.rubric ?? DEFAULT_RUBRIC;
    // Scored as the worker scores the stored case (core's scoreCase): the issue type an agent recorded (the
    // closed-record policy's field or tag) wins; Zendesk's ticket type is only a prior that the text outweighs.
    const result = scoreCase(
      {
        ticketType: ticketTypeOf(ticket.type),
        subject: ticket.subject,
        description: ticket.description,
        customFields: ticket.customFields,
        attachments: ticket.attachments,
        tags: ticket.tags,
        requester: { name: ticket.requesterName },
      },
      // The tenant's rubric, with the team's own product and area names from its drop-down fields' options.
      {
        rubric: withProducts(rubric, productVocabulary(ticket.fieldOptions, rubric)),
        closurePolicy: policies.closurePolicy,
      },
    );
    const closure = checkClosureRecord(
      {
        closure: null,
        customFields: ticket.customFields,
        tags: ticket.tags,
        // Only a recorded issue type counts for the closed record, not one guessed from the text.
        issueType: result.issueTypeSource === 'text' ? null : result.issueType,
        knowledgeLinks: null,
      },
      policies.closurePolicy,
    );
    const idChanged = ticket.id !== state.ticket?.id;
    Object.assign(state, { ticket, result, closure });
    render();
    if (idChanged && ticket.id && context.location !== 'new_ticket_sidebar') void remote.load(ticket.id);
  }

  async function ask(): Promise<void> {
    const draft = state.result?.requestDraft;
    if (!draft) return;
    // Into the editor as a public reply; the agent reviews and sends it.
    await client.set('comment.type', 'publicReply').catch(() => undefined);
    const rich = await client.get('comment.useRichText').catch(() => ({}) as Record<string, unknown>);
    if (rich['comment.useRichText'] === true) await client.invoke('comment.appendHtml', textToHtml(draft));
    else await client.invoke('comment.appendText', draft);
    state.notice = t.asked;
    render();
  }

  async function link(input: HTMLInputElement): Promise<void> {
    const key = input.value.trim().toUpperCase();
    if (!JIRA_KEY_EXACT.test(key)) {
      state.linkError = t.badKey;
      render();
      return;
    }
    const id = state.ticket?.id;
    if (!id) return;
    const user = await client.get('currentUser.id').catch(() => ({}) as Record<string, unknown>);
    const error = await remote.link(id, key, `zendesk-agent:${String(user['currentUser.id'] ?? 'unknown')}`);
    if (!error) linkDraft = '';
    state.linkError =
      error === 'bad_key' ? t.badKey : error === 'not_stored' ? t.notStored : error ? t.unreachable : null;
    render();
  }

  async function swarm(): Promise<void> {
    const id = state.ticket?.id;
    if (!id) return;
    state.swarm = { kind: 'starting' };
    render();
    const user = await client
      .get(['currentUser.name', 'currentUser.email'])
      .catch(() => ({}) as Record<string, unknown>);
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    state.swarm = await remote.swarm(id, {
      name: str(user['currentUser.name']),
      email: str(user['currentUser.email']),
    });
    render();
  }

  function missingLabels(check: ClosureCheck): string {
    return check.missing.map((m) => t.closureItems[m]).join(', ');
  }

  client.on('ticket.save', async () => {
    const status = await client.get('ticket.status');
    if (status['ticket.status'] !== 'solved' && status['ticket.status'] !== 'closed') return true;
    await rescore();
    const check = state.closure;
    if (!check || check.complete) return true;
    if (blocks) throw fill(t.closureBlock, { missing: missingLabels(check) });
    client
      .invoke('notify', fill(t.closureWarn, { missing: missingLabels(check) }), 'alert')
      .catch(() => undefined);
    return true;
  });
  let pending: ReturnType<typeof setTimeout> | null = null;
  client.on('*.changed', () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void rescore(), 120);
  });

  /** Swarming: bring experts together in Slack on this case; the agent stays its owner. */
  function swarmCard(): HTMLElement {
    const sw = state.swarm;
    const outcome =
      sw?.kind === 'ok'
        ? h(
            'div',
            { 'data-testid': 'swarm-result' },
            h(
              'p',
              {},
              sw.started ? t.swarmStarted : t.swarmReused,
              ' ',
              h('a', { href: sw.url, target: '_blank', rel: 'noopener' }, `#${sw.channelName}`),
            ),
            sw.experts.length
              ? h(
                  'ul',
                  { class: 'experts' },
                  ...sw.experts.map((e) =>
                    h('li', {}, h('strong', {}, e.name ?? '—'), ' ', h('span', { class: 'muted' }, e.reason)),
                  ),
                )
              : h('p', { class: 'muted' }, t.swarmNoExperts),
          )
        : sw?.kind === 'error'
          ? h('p', { class: 'remote-error', 'data-testid': 'swarm-result' }, t.swarmErrors[sw.reason])
          : null;
    return h(
      'section',
      { class: 'card' },
      h('h2', {}, t.swarm),
      h('p', { class: 'muted' }, t.swarmHint),
      h(
        'button',
        {
          class: 'btn',
          type: 'button',
          'data-testid': 'swarm',
          disabled: sw?.kind === 'starting',
          onclick: () => void swarm(),
        },
        sw?.kind === 'starting' ? t.swarmStarting : t.swarmStart,
      ),
      outcome,
    );
  }

  /** The requester organisation's health (the study's relationship health) and what pulls it down. */
  function healthCard(hs: HealthState): HTMLElement {
    const body =
      hs.kind === 'no_org'
        ? h('p', { class: 'muted' }, t.healthNoOrg)
        : hs.kind === 'unknown'
          ? h('p', { class: 'muted' }, t.healthUnknown)
          : h(
              'div',
              {},
              h(
                'p',
                {
                  class: `verdict ${hs.health.band === 'healthy' ? 'ok' : 'warn'}`,
                  'data-testid': 'health-band',
                },
                t.healthBands[hs.health.band],
                hs.health.score === null
                  ? null
                  : h(
                      'span',
                      { class: 'muted', 'data-testid': 'health-score' },
                      ` · ${fill(t.healthOf, { name: hs.health.name ?? '', score: hs.health.score })}`,
                    ),
              ),
              hs.health.band === 'not_measured'
                ? h('p', { class: 'muted' }, t.healthNotMeasured)
                : hs.health.reasons.length
                  ? h(
                      'div',
                      {},
                      h('p', { class: 'muted' }, t.healthWhy),
                      h(
                        'ul',
                        { class: 'reasons', 'data-testid': 'health-reasons' },
                        ...hs.health.reasons.slice(0, 4).map((x) => h('li', {}, x)),
                      ),
                    )
                  : null,
            );
    return h('section', { class: 'card', 'data-testid': 'health' }, h('h2', {}, t.health), body);
  }

  function render(): void {
    const { result, closure, remote: r } = state;
    if (!result || !closure) return;
    const gauge = h(
      'div',
      {
        class: `gauge ${result.complete ? 'ok' : 'warn'}`,
        role: 'meter',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(result.score),
        style: `--score:${result.score}`,
      },
      h('span', { class: 'gauge-value', 'data-testid': 'score' }, String(result.score)),
    );
    const items = h(
      'ul',
      { class: 'items' },
      ...result.items
        .filter((i) => i.required || i.present)
        .map((i) =>
          h(
            'li',
            { class: i.present ? 'present' : 'absent', 'data-item': i.id },
            h('span', { class: 'mark', 'aria-hidden': 'true' }, i.present ? '✓' : '✗'),
            h('span', { class: 'label' }, i.label),
            h('span', { class: 'req' }, i.required ? t.required : t.optional),
            i.evidence ? h('q', { class: 'evidence' }, i.evidence.snippet) : null,
          ),
        ),
    );
    const closureList = h(
      'ul',
      { class: 'items closure' },
      ...(Object.keys(t.closureItems) as (keyof Strings['closureItems'])[]).map((k) =>
        h(
          'li',
          { class: closure.values[k] ? 'present' : 'absent', 'data-closure': k },
          h('span', { class: 'mark', 'aria-hidden': 'true' }, closure.values[k] ? '✓' : '✗'),
          h('span', { class: 'label' }, t.closureItems[k]),
          closure.values[k] ? h('span', { class: 'value' }, closure.values[k] ?? '') : null,
        ),
      ),
    );
    const input = h('input', {
      type: 'text',
      placeholder: t.linkPlaceholder,
      'aria-label': t.linkPlaceholder,
      'data-testid': 'jira-key',
      // What the agent is typing survives a re-render (a ticket change, a retry).
      oninput: (e: Event) => {
        linkDraft = (e.target as HTMLInputElement).value;
      },
    });
    input.value = linkDraft;
    const bugs =
      state.ticket?.id && context.location !== 'new_ticket_sidebar'
        ? r.kind === 'unreachable'
          ? h('p', { class: 'remote-error', 'data-testid': 'remote-state' }, t.unreachable)
          : r.kind === 'unauthorized'
            ? h('p', { class: 'remote-error', 'data-testid': 'remote-state' }, t.unauthorized)
            : r.kind === 'not_stored'
              ? h('p', { class: 'muted', 'data-testid': 'remote-state' }, t.notStored)
              : h(
                  'div',
                  {},
                  r.kind === 'ok' && r.links.length === 0 ? h('p', { class: 'muted' }, t.noBugs) : null,
                  r.kind === 'ok'
                    ? h(
                        'ul',
                        { class: 'bugs' },
                        ...r.links.map((l) =>
                          h(
                            'li',
                            { 'data-issue': l.issueKey },
                            h('strong', {}, l.issueKey),
                            ' ',
                            h('span', { class: 'muted' }, l.status ?? t.statusUnknown),
                            l.fixVersions.length
                              ? h('span', { class: 'tag' }, l.fixVersions.join(', '))
                              : null,
                            h(
                              'div',
                              { class: 'muted' },
                              fill(t.impact, {
                                cases: l.impact.cases,
                                open: l.impact.openCases,
                                customers: l.impact.customers,
                                revenue:
                                  l.impact.revenue === null
                                    ? t.notMeasured
                                    : l.impact.revenue.toLocaleString(),
                              }),
                            ),
                          ),
                        ),
                      )
                    : null,
                  h(
                    'form',
                    {
                      class: 'link',
                      onsubmit: (e: Event) => {
                        e.preventDefault();
                        void link(input);
                      },
                    },
                    input,
                    h('button', { type: 'submit', class: 'btn' }, t.link),
                  ),
                  state.linkError ? h('p', { class: 'remote-error' }, state.linkError) : null,
                )
        : h('p', { class: 'muted' }, t.newTicket);

    root.replaceChildren(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'completeness' },
        h('h2', { id: 'completeness' }, t.completeness),
        h(
          'div',
          { class: 'summary' },
          gauge,
          h(
            'div',
            {},
            h(
              'p',
              { class: `verdict ${result.complete ? 'ok' : 'warn'}`, 'data-testid': 'verdict' },
              result.complete ? t.ready : t.missing,
            ),
            h(
              'p',
              { class: 'muted' },
              `${t.issueType}: `,
              h('span', { 'data-testid': 'issue-type' }, t.types[result.issueType]),
            ),
            result.issueTypeNote
              ? h('p', { class: 'muted type-note', 'data-testid': 'issue-type-note' }, result.issueTypeNote)
              : null,
          ),
        ),
        items,
        result.requestDraft
          ? h(
              'button',
              { class: 'btn primary', type: 'button', 'data-testid': 'ask', onclick: () => void ask() },
              t.ask,
            )
          : null,
        state.notice ? h('p', { class: 'notice', role: 'status' }, state.notice) : null,
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t.closure),
        h('p', { class: 'muted' }, t.closureHint),
        closureList,
      ),
      h('section', { class: 'card' }, h('h2', {}, t.bugs), bugs),
      ...(r.kind === 'ok' && r.health ? [healthCard(r.health)] : []),
      ...(r.kind === 'ok' ? [swarmCard()] : []),
    );
    void client
      .invoke('resize', { height: `${Math.min(900, root.scrollHeight + 16)}px` })
      .catch(() => undefined);
  }

  await rescore();
  void remote.policies().then((p) => {
    if (!p) return;
    policies = p;
    void rescore();
  });
  return { rescore, state };
}
