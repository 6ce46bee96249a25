import {
  BarChart,
  EmptyState,
  Heading,
  Inline,
  Link,
  List,
  ListItem,
  Lozenge,
  SectionMessage,
  Spinner,
  Stack,
  Text,
} from '@forge/react';
import { useEffect, useState } from 'react';
import { panelModel } from '../view/panel-view.js';
import { type Invoke, type Loaded, loadFromWorker } from '../view/remote-call.js';
import { type IssueImpact, IssueImpactSchema } from '../view/remote-contract.js';

/** The panel for one state: loading, the impact, nothing linked yet, or an error that says what to do. */
export function ImpactPanelView({ state }: { state: Loaded<IssueImpact> | null }) {
  if (!state) return <Spinner label="Loading support impact" />;
  if (state.kind === 'empty') return <EmptyState header={state.title} description={state.message} />;
  if (state.kind === 'error')
    return (
      <SectionMessage appearance="error" title={state.title}>
        <Text>{state.message}</Text>
      </SectionMessage>
    );
  const m = panelModel(state.data);
  return (
    <Stack space="space.150">
      <Heading size="small">{m.headline}</Heading>
      <Text>{m.revenue}</Text>
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={m.outlook.appearance}>{m.outlook.label}</Lozenge>
        <Text>{m.outlook.text}</Text>
      </Inline>
      <BarChart
        title="New linked cases per week"
        data={m.trend}
        xAccessor="week"
        yAccessor="cases"
        height={180}
      />
      <Text>{m.trendSummary}</Text>
      <List type="unordered">
        {m.cases.map((c) => (
          <ListItem key={c.caseId}>
            <Inline space="space.050" alignBlock="center">
              {c.url ? (
                <Link href={c.url} openNewTab>
                  {c.label}
                </Link>
              ) : (
                <Text>{c.label}</Text>
              )}
              <Lozenge appearance={c.open ? 'inprogress' : 'success'}>{c.open ? 'open' : 'solved'}</Lozenge>
            </Inline>
          </ListItem>
        ))}
      </List>
      {m.moreCases > 0 ? <Text>and {m.moreCases} more</Text> : null}
      <Text>Find issues like this one: {m.jql}</Text>
    </Stack>
  );
}

/**
 * The issue panel (jira:issuePanel): loads the issue's impact from the worker through Forge Remote and shows it.
 *
 * @example <ImpactPanel issueKey="FCX-1" invoke={invokeRemote} />
 */
export function ImpactPanel({ issueKey, invoke }: { issueKey: string; invoke: Invoke }) {
  const [state, setState] = useState<Loaded<IssueImpact> | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    void loadFromWorker(invoke, `/forge/jira/impact/${encodeURIComponent(issueKey)}`, IssueImpactSchema).then(
      (s) => {
        if (live) setState(s);
      },
    );
    return () => {
      live = false;
    };
  }, [issueKey, invoke]);
  return <ImpactPanelView state={state} />;
}
