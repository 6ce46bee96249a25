import {
  type ClosurePolicy,
  ClosurePolicySchema,
  type CustomerMapping,
  CustomerMappingSchema,
  DEFAULT_CUSTOMER_MAPPING,
  type Rubric,
  RubricSchema,
} from '@support-metrics/core';
import type { ZodType } from 'zod';
import { SQL } from './sql.js';
import { openSettings } from './tenant-secrets.js';

/** A tenant's own rubric and closed-record policy (settings `rubric`, `closurePolicy`); absent or invalid: defaults. */
export interface TenantPolicies {
  rubric?: Rubric;
  closurePolicy?: ClosurePolicy;
  /** How the tenant's organisation data maps to the success and health metrics (settings `customerMapping`). */
  customerMapping: CustomerMapping;
  /**
   * Why a setting was not used (a rubric or policy that does not match its schema, with the zod paths; a sealed
   * credential that does not open), or should be set again (a credential stored unsealed). Never a value.
   */
  problems: string[];
}

const policiesCache = new WeakMap<object, TenantPolicies>();
/** Per tenant and SETTINGS_SECRET: the settings as opened (tenant-secrets.ts), and why any could not be. */
const settingsCache = new Map<string, { settings: Record<string, unknown>; until: number }>();
const settingsProblems = new WeakMap<object, string[]>();

export interface TenantStoreOptions {
  /** The worker's SETTINGS_SECRET: opens the tenant settings that hold credentials (tenant-secrets.ts). */
  settingsSecret?: string;
  /** While SETTINGS_SECRET is rotated: the one before, still opening what it sealed (`tenant.ts reseal`). */
  previousSettingsSecret?: string;
}

/**
 * Tenants: their API tokens (hashed), their settings with the credentials opened, the policies those settings hold
 * (rubric, closed-record policy, customer mapping) and the rubric versions applied. Tables `tenants`, `api_tokens`,
 * `rubric_versions`; every statement filters on the tenant.
 */
export class TenantStore {
  constructor(
    private readonly db: D1Database,
    private readonly opts: TenantStoreOptions = {},
  ) {}

  async tenantForTokenHash(hash: string): Promise<string | null> {
    const row = await this.db.prepare(SQL.tenantForToken).bind(hash).first<{ tenant_id: string }>();
    return row?.tenant_id ?? null;
  }

  /** Every tenant's id, in order (the scheduled jobs run per tenant). */
  async tenantIds(): Promise<string[]> {
    const { results } = await this.db.prepare(SQL.tenantIds).all<{ id: string }>();
    return results.map((r) => r.id);
  }

  async ensureTenant(id: string, name: string, at: string): Promise<void> {
    await this.db.prepare(SQL.insertTenant).bind(id, name, '{}', at).run();
  }

  async addTokenHash(tenantId: string, hash: string, label: string, at: string): Promise<void> {
    await this.db.prepare(SQL.insertToken).bind(hash, tenantId, label, at).run();
  }

  /**
   * A tenant's settings, null for an unknown tenant; its credentials opened with the SETTINGS_SECRET (a sealed one
   * that does not open is left out, and tenantPolicies reports it). Kept for 30 s per isolate: every webhook asks.
   */
  async tenantSettings(id: string, now = Date.now()): Promise<Record<string, unknown> | null> {
    const cacheKey = `${id}\u0000${this.opts.settingsSecret ?? ''}\u0000${this.opts.previousSettingsSecret ?? ''}`;
    const hit = settingsCache.get(cacheKey);
    if (hit && hit.until > now) return hit.settings;
    const row = await this.db.prepare(SQL.tenant).bind(id).first<{ settings: string }>();
    if (!row) return null;
    const { settings, problems, shut } = await openSettings(
      JSON.parse(row.settings) as Record<string, unknown>,
      id,
      this.opts.settingsSecret,
      this.opts.previousSettingsSecret,
    );
    if (problems.length) settingsProblems.set(settings, problems);
    // Names and reasons only. One that does not open leaves an account or webhook off, so the log says why.
    for (const p of shut) console.warn(`tenant ${id}: ${p}`);
    if (settingsCache.size >= 1_000) settingsCache.clear();
    settingsCache.set(cacheKey, { settings, until: now + 30_000 });
    return settings;
  }

  /**
   * The tenant's rubric and closed-record policy from its settings, validated (zod); an invalid one is not used and
   * is reported in `problems` (and by `GET /api/settings`), so a bad setting never breaks ingestion.
   */
  async tenantPolicies(tenantId: string): Promise<TenantPolicies> {
    const settings = (await this.tenantSettings(tenantId)) ?? {};
    // Parsed once per settings object (itself cached 30 s): every save asks, and a rubric is not small.
    const hit = policiesCache.get(settings);
    if (hit) return hit;
    const out: TenantPolicies = {
      customerMapping: DEFAULT_CUSTOMER_MAPPING,
      problems: [...(settingsProblems.get(settings) ?? [])],
    };
    const read = <T>(key: string, schema: ZodType<T>): T | undefined => {
      if (settings[key] === undefined || settings[key] === null) return undefined;
      const parsed = schema.safeParse(settings[key]);
      if (parsed.success) return parsed.data;
      out.problems.push(
        `${key}: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
      return undefined;
    };
    const rubric = read<Rubric>('rubric', RubricSchema);
    const closurePolicy = read<ClosurePolicy>('closurePolicy', ClosurePolicySchema);
    const customerMapping = read<CustomerMapping>('customerMapping', CustomerMappingSchema);
    if (customerMapping) out.customerMapping = customerMapping;
    if (rubric) out.rubric = rubric;
    if (closurePolicy) out.closurePolicy = closurePolicy;
    policiesCache.set(settings, out);
    return out;
  }

  /** Applies a rubric for a tenant and keeps it as the tenant's next version, in one transaction. */
  async applyRubric(tenantId: string, rubric: Rubric, appliedBy: string, at: string): Promise<number> {
    const json = JSON.stringify(rubric);
    await this.db.batch([
      this.db.prepare(SQL.setRubric).bind(json, tenantId),
      this.db.prepare(SQL.insertRubricVersion).bind(tenantId, json, at, appliedBy, tenantId),
    ]);
    for (const key of settingsCache.keys())
      if (key.startsWith(`${tenantId}\u0000`)) settingsCache.delete(key);
    const [latest] = await this.rubricVersions(tenantId);
    return latest?.version ?? 1;
  }

  /** The rubrics a tenant applied, newest first (at most 50). */
  async rubricVersions(tenantId: string) {
    const { results } = await this.db
      .prepare(SQL.rubricVersions)
      .bind(tenantId)
      .all<{ version: number; rubric: string; applied_at: string; applied_by: string }>();
    return results.map((r) => ({
      version: r.version,
      appliedAt: r.applied_at,
      appliedBy: r.applied_by,
      rubric: JSON.parse(r.rubric) as unknown,
    }));
  }
}
