import {
  Button,
  ButtonGroup,
  DynamicTable,
  EmptyState,
  Heading,
  Link,
  SectionMessage,
  Spinner,
  Stack,
  Text,
} from '@forge/react';
import { useEffect, useState } from 'react';
import { pageRows, SORTS } from '../view/page-view.js';
import { type Invoke, type Loaded, loadFromWorker } from '../view/remote-call.js';
import { type BugSort, type RankedBugs, RankedBugsSchema } from '../view/remote-contract.js';

const HEAD = {
  cells: [
    { key: 'rank', content: '#' },
    { key: 'issue', content: 'Issue' },
    { key: 'summary', content: 'Summary' },
    { key: 'cases', content: 'Cases' },
    { key: 'open', content: 'Open' },
    { key: 'customers', content: 'Customers' },
    { key: 'revenue', content: 'Revenue at risk' },
    { key: 'trend', content: 'Trend (8 weeks)' },
    { key: 'fix', content: 'Fix' },
  ],
};

/** The page for one state and sort: the ranked table, nothing linked yet, or an error that says what to do. */
export function BugsPageView({
  state,
  sort,
  onSort,
}: {
  state: Loaded<RankedBugs> | null;
  sort: BugSort;
  onSort: (sort: BugSort) => void;
}) {
  return (
    <Stack space="space.200">
      <Heading size="medium">Bugs by support demand</Heading>
      <ButtonGroup label="Rank by">
        {SORTS.map((s) => (
          <Button
            key={s.sort}
            appearance={s.sort === sort ? 'primary' : 'default'}
            isSelected={s.sort === sort}
            onClick={() => onSort(s.sort)}
          >
            {s.label}
          </Button>
        ))}
      </ButtonGroup>
      {!state ? (
        <Spinner label="Loading bugs" />
      ) : state.kind === 'error' ? (
        <SectionMessage appearance="error" title={state.title}>
          <Text>{state.message}</Text>
        </SectionMessage>
      ) : state.kind === 'empty' || state.data.bugs.length === 0 ? (
        <EmptyState
          header="No bug has support cases linked yet"
          description="Link a Zendesk ticket to a Jira issue (Support Metrics sidebar, or the ticket's Jira field); the issue appears here with its cases, customers and revenue at risk."
        />
      ) : (
        <DynamicTable
          caption={`${state.data.total} issues with linked cases, ranked by ${SORTS.find((s) => s.sort === sort)?.label.toLowerCase()}`}
          head={HEAD}
          rows={pageRows(state.data).map((r) => ({
            key: r.issueKey,
            cells: [
              { key: 'rank', content: String(r.rank) },
              { key: 'issue', content: <Link href={r.href}>{r.issueKey}</Link> },
              { key: 'summary', content: r.summary },
              { key: 'cases', content: String(r.cases) },
              { key: 'open', content: String(r.openCases) },
              { key: 'customers', content: String(r.customers) },
              { key: 'revenue', content: r.revenue },
              { key: 'trend', content: r.trend },
              { key: 'fix', content: r.fix },
            ],
          }))}
        />
      )}
    </Stack>
  );
}

/**
 * The ranked page (jira:globalPage): bugs by support demand from the worker, re-ranked by the worker when the sort
 * changes (the ranking is /api/bugs', never the table's own).
 *
 * @example <BugsPage invoke={invokeRemote} />
 */
export function BugsPage({ invoke, initialSort = 'cases' }: { invoke: Invoke; initialSort?: BugSort }) {
  const [sort, setSort] = useState<BugSort>(initialSort);
  const [state, setState] = useState<Loaded<RankedBugs> | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    void loadFromWorker(invoke, `/forge/jira/bugs?sort=${sort}&limit=50`, RankedBugsSchema).then((s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [sort, invoke]);
  return <BugsPageView state={state} sort={sort} onSort={setSort} />;
}
