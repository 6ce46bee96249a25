import { tenantAccount, type WorkerConfig } from '@support-metrics/platform';
import { z } from 'zod';

/**
 * A tenant's own Jira site (tenant setting `jiraApi`, set with `tenant.ts set <tenant> jiraApi=@jira.json`): where the
 * support impact of that tenant's linked issues is written.
 */
export const JiraCredentialsSchema = z.strictObject({
  /** `https://acme.atlassian.net` */
  baseUrl: z.url({ protocol: /^https$/, error: 'the https address of the Jira site' }),
  email: z.email(),
  apiToken: z.string().min(1),
});
export type JiraCredentials = z.infer<typeof JiraCredentialsSchema>;

/**
 * The Jira site a tenant's impact is written to (tenantAccount): its own (setting `jiraApi`), else — for the default
 * tenant only — the worker's secrets (JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN); null when it has none.
 *
 * @example const creds = jiraCredentialsOf(config, 'acme', settings);
 */
export function jiraCredentialsOf(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
): JiraCredentials | null {
  return tenantAccount(JiraCredentialsSchema, settings.jiraApi, config, tenantId, () => {
    const { JIRA_BASE_URL: baseUrl, JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken } = config;
    return baseUrl && email && apiToken ? { baseUrl, email, apiToken } : null;
  });
}
