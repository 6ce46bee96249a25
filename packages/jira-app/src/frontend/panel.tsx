import { invokeRemote } from '@forge/bridge';
import ForgeReconciler, { Spinner, useProductContext } from '@forge/react';
import { ImpactPanel } from '../components/impact-panel.js';

// The jira:issuePanel resource: the issue Jira has open, its impact from the worker (Forge Remote).
function App() {
  const context = useProductContext();
  const key = (context?.extension as { issue?: { key?: string } } | undefined)?.issue?.key;
  return key ? (
    <ImpactPanel issueKey={key} invoke={invokeRemote} />
  ) : (
    <Spinner label="Loading support impact" />
  );
}

ForgeReconciler.render(<App />);
