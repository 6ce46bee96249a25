import type { WorkerConfig } from '../config/env-schema.js';
import { CustomerStore, type EvidenceSource } from '../customers/customer-store.js';
import { type BugLinks, NO_BUG_LINKS } from './bug-links-port.js';
import type { CaseSavedHook } from './case-saved.js';
import { CaseStore } from './case-store.js';
import { NameStore } from './name-store.js';
import { TenantStore } from './tenant-store.js';

/** The stores of one request or one scheduled run, built once (createStores) and put on the context (`c.var.stores`). */
export interface Stores {
  /** Tenants, tokens, settings (credentials opened), policies, rubric versions. */
  tenants: TenantStore;
  /** Cases, rollups, idempotency, case events, sync cursors; plugins write with a case through `caseSaved` hooks. */
  cases: CaseStore;
  /** Organisations, customer activity, maturity assessments, demand forecasts. */
  customers: CustomerStore;
  /** Case ↔ bug links, from the bug tracker's plugin (NO_BUG_LINKS when none is wired). */
  bugLinks: BugLinks;
  /** The helpdesk's group and brand names (dimension_names), by id. */
  names: NameStore;
  /** The database the stores run on: plugins build their own stores over it (SlackStore, JiraStore). */
  db: D1Database;
}

/** What the plugins contribute to the platform's stores; the worker composes it once (its `wiring`). */
export interface StorePlugins {
  /** Statements each plugin adds to a case's write (same transaction). */
  caseSaved?: readonly CaseSavedHook[];
  /** The bug tracker's case links, over the same database. */
  bugLinks?: (db: D1Database) => BugLinks;
  /** What plugins add to the maturity pre-fill from their own tables (Slack: swarms). */
  evidence?: readonly ((db: D1Database) => EvidenceSource)[];
}

/**
 * The one place stores are built: the tenant store with the config's SETTINGS_SECRET (and the one before it, while it
 * is rotated), the case store over it with the plugins' hooks, the customer store (reading the bug links and the plugins' evidence) and the bug links.
 *
 * @example const stores = createStores(env.DB, loadConfig(env), { caseSaved: [jiraCaseSaved], bugLinks: jiraBugLinks })
 */
export function createStores(db: D1Database, config: WorkerConfig, plugins: StorePlugins = {}): Stores {
  const tenants = new TenantStore(db, {
    settingsSecret: config.SETTINGS_SECRET,
    previousSettingsSecret: config.SETTINGS_SECRET_PREVIOUS,
  });
  const bugLinks = plugins.bugLinks?.(db) ?? NO_BUG_LINKS;
  return {
    tenants,
    cases: new CaseStore(db, tenants, plugins.caseSaved),
    customers: new CustomerStore(db, { bugLinks, evidence: plugins.evidence?.map((source) => source(db)) }),
    bugLinks,
    names: new NameStore(db),
    db,
  };
}
