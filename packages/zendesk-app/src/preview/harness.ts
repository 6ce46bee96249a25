import { createStandInClient, type HarnessState, type HarnessTicket } from './stand-in-client.js';

/**
 * The preview harness: a real ticket (from the bundled sample, whose texts come from ../shared/data) in a page
 * that plays Zendesk, with the real sidebar in an iframe. `?ticket=1002` picks another sample ticket, `?new=1`
 * plays the new-ticket sidebar, `?worker=…` another worker.
 */
const params = new URLSearchParams(location.search);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ticket = (await (
  await fetch(`/preview-ticket.json?ticket=${params.get('ticket') ?? ''}`)
).json()) as Omit<HarnessTicket, 'customFields'> & { id: string };
const closureLabels = ['Contact reason', 'Resolution', 'New vs known', 'Knowledge action', 'Issue type'];
const state: HarnessState = {
  location: params.has('new') ? 'new_ticket_sidebar' : 'ticket_sidebar',
  ticket: {
    id: params.has('new') ? null : String(ticket.id),
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    type: ticket.type,
    requesterName: ticket.requesterName,
    tags: ticket.tags,
    customFields: Object.fromEntries(closureLabels.map((l) => [l, null])),
  },
  // The install's secure settings, as Zendesk holds them: the worker behind the harness's proxy path, and the key
  // Zendesk signs the sidebar's requests with (the tenant's zendeskAppKey; `pnpm start`'s demo tenant has this one).
  secure: {
    worker_url: params.get('worker') ?? '/sm-worker',
    signing_key: params.get('key') ?? 'demo-sidebar-signing-key',
  },
  subdomain: params.get('subdomain') ?? 'demo',
  settings: { closure_blocks_save: false },
  richText: false,
  locale: params.get('locale') ?? 'en',
};
const editor = $<HTMLTextAreaElement>('editor');
const client = createStandInClient(state, {
  onEditor: (text) => {
    editor.value += text;
    editor.dispatchEvent(new Event('input'));
  },
  onResize: (height) => {
    if (height) $<HTMLIFrameElement>('app').style.height = height;
  },
  onNotify: (m) => {
    $('message').className = 'msg';
    $('message').textContent = m;
  },
});
(window as unknown as { smPreviewClient: typeof client }).smPreviewClient = client;

const bind = (id: string, get: () => string, set: (v: string) => void, event: string) => {
  const el = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
  el.value = get();
  el.addEventListener('input', () => {
    set(el.value);
    client.emit(event);
  });
};
bind(
  'subject',
  () => state.ticket.subject,
  (v) => {
    state.ticket.subject = v;
  },
  'ticket.subject.changed',
);
bind(
  'description',
  () => state.ticket.description,
  (v) => {
    state.ticket.description = v;
  },
  'ticket.description.changed',
);
bind(
  'status',
  () => state.ticket.status,
  (v) => {
    state.ticket.status = v;
  },
  'ticket.status.changed',
);
for (const [i, label] of closureLabels.entries()) {
  const wrap = document.createElement('div');
  const l = Object.assign(document.createElement('label'), { htmlFor: `f${i}`, textContent: label });
  const input = Object.assign(document.createElement('input'), { id: `f${i}` });
  input.dataset.testid = `field-${label.toLowerCase().replace(/\W+/g, '-')}`;
  input.addEventListener('input', () => {
    state.ticket.customFields[label] = input.value || null;
    client.emit(`ticket.custom_field_${360001 + i}.changed`);
  });
  wrap.append(l, input);
  $('fields').append(wrap);
}
$<HTMLInputElement>('block').addEventListener('change', (e) => {
  state.settings.closure_blocks_save = (e.target as HTMLInputElement).checked;
  // Zendesk reloads an app when its settings change: so does the harness.
  $<HTMLIFrameElement>('app').src = 'iframe.html';
});
$('submit').addEventListener('click', async () => {
  const result = await client.save();
  $('message').className = result.ok ? 'msg ok' : 'msg';
  $('message').textContent = result.ok
    ? `Saved as ${state.ticket.status}.`
    : (result.message ?? 'Not saved.');
  $('message').dataset.testid = 'save-message';
});
$<HTMLIFrameElement>('app').src = 'iframe.html';
