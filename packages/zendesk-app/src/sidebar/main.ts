import ZAFClient from 'zendesk_app_framework_sdk';
import { mountSidebar } from './sidebar.js';
import type { ZafClient } from './zaf-client.js';
import './sidebar.css';

/**
 * Entry of the app's iframe. In Zendesk, ZAF's client talks to the agent interface; in the preview harness
 * (same origin) the parent page offers a stand-in instead. The location picks what to show: both ticket sidebars
 * show the same sidebar (a new ticket has no id, so no linked bugs).
 */
function standIn(): ZafClient | null {
  try {
    return (window.parent as unknown as { smPreviewClient?: ZafClient }).smPreviewClient ?? null;
  } catch {
    return null; // cross-origin parent: the real Zendesk
  }
}

const LOCATIONS: Record<string, (root: HTMLElement, client: ZafClient) => Promise<unknown>> = {
  ticket_sidebar: mountSidebar,
  new_ticket_sidebar: mountSidebar,
};

const client: ZafClient = standIn() ?? (ZAFClient.init() as unknown as ZafClient);
const root = document.getElementById('root') as HTMLElement;
performance.mark('sm:init');
client.on('app.registered', () => performance.mark('sm:registered'));
client
  .context()
  .then(async ({ location }) => {
    await (LOCATIONS[location] ?? mountSidebar)(root, client);
    performance.mark('sm:first-score');
  })
  .catch(() => {
    root.textContent = 'Support Metrics could not start.';
  });
