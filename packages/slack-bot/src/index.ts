// The Slack bot plugin is not started yet (issue 5). It will export its hono routes for the worker to mount,
// as packages/zendesk-app does. Nothing here is wired into the worker.
export {};
