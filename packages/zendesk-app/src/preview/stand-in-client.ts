import type { ZafClient } from '../sidebar/zaf-client.js';

/** The ticket the harness plays, as an agent sees it in Zendesk. */
export interface HarnessTicket {
  id: string | null;
  subject: string;
  description: string;
  status: string;
  type: string;
  requesterName: string;
  tags: string[];
  /** Custom fields by label. */
  customFields: Record<string, string | null>;
}

export interface HarnessState {
  location: 'ticket_sidebar' | 'new_ticket_sidebar';
  ticket: HarnessTicket;
  /** Secure settings: Zendesk fills them into requests server-side; the app never sees them. */
  secure: { worker_url: string; signing_key: string };
  /** The Zendesk account's subdomain (`client.context().account.subdomain`). */
  subdomain: string;
  settings: { closure_blocks_save: boolean };
  richText: boolean;
  locale: string;
  /** What the editor is set to: a public reply or an internal note. */
  commentType?: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A JWT signed HS256 with `key`, as ZAF's proxy signs the `jwt` option (WebCrypto: the harness runs in a browser). */
export async function signHs256(key: string, claims: Record<string, unknown>): Promise<string> {
  const enc = new TextEncoder();
  const head = base64url(enc.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const body = base64url(enc.encode(JSON.stringify(claims)));
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(`${head}.${body}`)));
  return `${head}.${body}.${base64url(sig)}`;
}

/**
 * A stand-in for ZAF's client that plays Zendesk's part in the preview harness and in tests: the ticket's data,
 * change events, the reply editor, the save hooks, and secure requests (placeholders filled here, as Zendesk's
 * proxy does, so the sidebar code never holds the token).
 */
export function createStandInClient(
  state: HarnessState,
  ui: {
    onEditor: (text: string, html: boolean) => void;
    onResize?: (h: string) => void;
    onNotify?: (m: string) => void;
  },
) {
  const handlers = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const fieldNames = () =>
    Object.keys(state.ticket.customFields).map((label, i) => ({ name: `custom_field_${360001 + i}`, label }));
  const value = (path: string): unknown => {
    const t = state.ticket;
    switch (path) {
      case 'ticket.id':
        return t.id === null ? null : Number(t.id);
      case 'ticket.subject':
        return t.subject;
      case 'ticket.description':
        return t.description;
      case 'ticket.status':
        return t.status;
      case 'ticket.type':
        return t.type;
      case 'ticket.requester.name':
        return t.requesterName;
      case 'ticket.tags':
        return t.tags;
      case 'ticket.comments':
        return [];
      case 'ticketFields':
        return fieldNames();
      case 'currentUser.locale':
        return state.locale;
      case 'currentUser.id':
        return 9001;
      case 'currentUser.name':
        return 'Alex Agent';
      case 'currentUser.email':
        return 'alex@example.com';
      case 'currentUser':
        return {
          id: 9001,
          name: 'Alex Agent',
          email: 'alex@example.com',
          role: 'agent',
          locale: state.locale,
        };
      case 'comment.useRichText':
        return state.richText;
    }
    const field = /^ticket\.customField:(custom_field_\d+)$/.exec(path);
    if (field) return t.customFields[fieldNames().find((f) => f.name === field[1])?.label ?? ''] ?? null;
    throw new Error(`stand-in: no value for ${path}`);
  };
  const client: ZafClient & {
    emit(event: string): void;
    save(): Promise<{ ok: boolean; message?: string }>;
  } = {
    async context() {
      return {
        location: state.location,
        account: { subdomain: state.subdomain },
        ...(state.ticket.id ? { ticketId: Number(state.ticket.id) } : {}),
      };
    },
    async metadata() {
      return { settings: { ...state.settings } };
    },
    async get(paths) {
      const list = Array.isArray(paths) ? paths : [paths];
      return Object.fromEntries(list.map((p) => [p, value(p)]));
    },
    async set(path, value) {
      if (path === 'comment.type') state.commentType = String(value);
      return undefined;
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      // ZAF fires app.registered once the app has registered with Zendesk: here, at once.
      if (event === 'app.registered') queueMicrotask(() => handler());
    },
    async invoke(name, ...args) {
      if (name === 'comment.appendText') ui.onEditor(String(args[0]), false);
      else if (name === 'comment.appendHtml') ui.onEditor(String(args[0]), true);
      else if (name === 'resize') ui.onResize?.(String((args[0] as { height?: string })?.height ?? ''));
      else if (name === 'notify') ui.onNotify?.(String(args[0]));
      return undefined;
    },
    async request<T>(o: {
      url: string;
      type?: string;
      headers?: Record<string, string>;
      contentType?: string;
      data?: string;
      secure?: boolean;
      jwt?: { algorithm: string; secret_key: string; expiry: number; claims: Record<string, unknown> };
    }) {
      // As Zendesk's proxy: each secure setting is filled in only where its manifest scopes allow (worker_url in
      // the url, signing_key as a jwt_secret_key); anywhere else the placeholder stays as written.
      const fillIn = (s: string, scope: 'url' | 'jwt_secret_key') =>
        scope === 'url'
          ? s.replace('{{setting.worker_url}}', state.secure.worker_url)
          : s.replace('{{setting.signing_key}}', state.secure.signing_key);
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      // The `jwt` option: signed here with the key, HS256, iat now and exp after `expiry`, as a bearer token.
      if (o.jwt && o.secure) {
        const iat = Math.floor(Date.now() / 1000);
        headers.Authorization = `Bearer ${await signHs256(fillIn(o.jwt.secret_key, 'jwt_secret_key'), {
          ...o.jwt.claims,
          iat,
          exp: iat + o.jwt.expiry,
        })}`;
      }
      if (o.contentType) headers['content-type'] = o.contentType;
      let res: Response;
      try {
        res = await fetch(fillIn(o.url, 'url'), { method: o.type ?? 'GET', headers, body: o.data });
      } catch {
        throw { status: 0, statusText: 'network error' };
      }
      if (!res.ok) throw { status: res.status, responseText: await res.text() };
      return (await res.json()) as T;
    },
    emit(event) {
      for (const [name, list] of handlers)
        if (name === event || (name === '*.changed' && event.endsWith('.changed'))) for (const h of list) h();
    },
    /** What Zendesk does on Submit: runs every ticket.save hook; a rejection cancels the save with its message. */
    async save() {
      const hooks = handlers.get('ticket.save') ?? [];
      try {
        const results = await Promise.all(hooks.map(async (h) => h()));
        const refused = results.find((r) => r === false || typeof r === 'string');
        return refused === undefined
          ? { ok: true }
          : { ok: false, message: typeof refused === 'string' ? refused : 'refused' };
      } catch (e) {
        return { ok: false, message: typeof e === 'string' ? e : 'refused' };
      }
    },
  };
  return client;
}
