// The Jira bridge plugin is not started yet (issue 6). It will export its hono routes for the worker to mount,
// as packages/zendesk-app does. Nothing here is wired into the worker.
export {};
