import type { WorkerConfig } from '@support-metrics/platform';
import type { ForgeConfig } from './forge-config.js';

/**
 * The tenant a Jira site belongs to: the one whose setting `jiraCloudId` is the site's cloud id
 * (`tenant.ts set <tenant> jiraCloudId=<cloud id>`), else the default tenant when JIRA_CLOUD_ID names it; null
 * for a site no tenant claims, or one claimed twice (refused rather than guessed).
 *
 * @example await tenantOfSite(db, config, forge, fit.cloudId) // 'acme'
 */
export async function tenantOfSite(
  db: D1Database,
  config: Pick<WorkerConfig, 'DEFAULT_TENANT'>,
  forge: Pick<ForgeConfig, 'JIRA_CLOUD_ID'>,
  cloudId: string,
): Promise<string | null> {
  const { results } = await db
    .prepare("SELECT id FROM tenants WHERE json_extract(settings, '$.jiraCloudId') = ? LIMIT 2")
    .bind(cloudId)
    .all<{ id: string }>();
  if (results.length === 1) return results[0]?.id ?? null;
  if (results.length > 1) return null;
  return forge.JIRA_CLOUD_ID === cloudId ? config.DEFAULT_TENANT : null;
}
