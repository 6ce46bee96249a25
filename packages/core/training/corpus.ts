/**
 * The labelled corpus the completeness model is trained and measured on, read from where each part lives:
 *  - fixtures/labelled-tickets.json and labelled-messy-tickets.json (src/completeness/fixtures: dataset rows and raw
 *    e-mail bodies, labels as a record of every item),
 *  - training/corpus/*.json (first messages of public issue threads and dataset rows, labelled by LABELLING.md),
 *  - ../shared/data/completeness_dev/real-tickets-dev.json (80 real tickets; read from the shared data, never copied
 *    into the repository: its texts must not ship with the product).
 * Each case is in the test split or the training split by a hash of its id (one in five is test). The test split is
 * never trained or tuned on: train.py reads only the training split, and chooses its settings by cross-validation
 * inside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IssueType } from '../src/case/case-schema.js';
import { firstMessageText } from '../src/case/plain-text.js';
import { ITEM_IDS, type ItemId } from '../src/completeness/rubric-schema.js';
import { featureHash } from '../src/completeness/text-features.js';
import { SHARED_DATA } from '../src/test-support/shared-data.js';

export interface LabelledCase {
  id: string;
  /** Which part of the corpus: fixture, messy, dev, or the batch file's name. */
  set: string;
  source: string;
  subject: string;
  /** The first message as plain text (raw bodies already cleaned by firstMessageText). */
  description: string;
  issueType: IssueType;
  /** Items a reader found in the text. */
  items: ReadonlySet<ItemId>;
  /** Items the labelling leaves ambiguous: not scored. */
  ignore: ReadonlySet<ItemId>;
  mustBe: 'complete' | 'incomplete' | null;
  split: 'train' | 'test';
}

interface ListLabelled {
  id: number | string;
  source?: string;
  subject: string;
  description: string;
  issueType: IssueType;
  items: ItemId[];
  ignore?: ItemId[];
  mustBe?: 'complete' | 'incomplete';
}
interface RecordLabelled {
  id: string;
  source?: string;
  subject: string;
  description?: string;
  body?: string;
  labels: { issueType: IssueType; items: Record<ItemId, boolean> };
}

/** One case in five, by a hash of its id, is in the test split. */
export function splitOf(id: string): 'train' | 'test' {
  return featureHash(`split:${id}`) % 5 === 0 ? 'test' : 'train';
}

const here = (path: string) => new URL(path, import.meta.url);
const readJson = <T>(url: URL | string) => JSON.parse(readFileSync(url, 'utf8')) as T;

function fromList(set: string, rows: ListLabelled[]): LabelledCase[] {
  return rows.map((r) => {
    const id = `${set}:${r.id}`;
    return {
      id,
      set,
      source: r.source ?? '',
      subject: r.subject,
      description: r.description,
      issueType: r.issueType,
      items: new Set(r.items.filter((i) => ITEM_IDS.includes(i))),
      ignore: new Set(r.ignore ?? []),
      mustBe: r.mustBe ?? null,
      split: splitOf(id),
    };
  });
}

/** The fixtures' format (a record of every item, raw bodies cleaned first) as the list format. */
function fromRecords(set: string, rows: RecordLabelled[]): LabelledCase[] {
  return fromList(
    set,
    rows.map((r) => ({
      id: r.id,
      source: r.source,
      subject: r.subject,
      description: r.body !== undefined ? firstMessageText(r.body) : (r.description ?? ''),
      issueType: r.labels.issueType,
      items: ITEM_IDS.filter((i) => r.labels.items[i]),
    })),
  );
}

/** Every labelled case, each once (the same source in two parts is kept in the first). */
export function loadCorpus(): LabelledCase[] {
  const fixtures = '../src/completeness/fixtures/';
  const parts: LabelledCase[][] = [
    fromRecords('fixture', readJson(here(`${fixtures}labelled-tickets.json`))),
    fromRecords('messy', readJson(here(`${fixtures}labelled-messy-tickets.json`))),
    fromList('dev', readJson(`${SHARED_DATA}completeness_dev/real-tickets-dev.json`)),
  ];
  const dir = here('./corpus/');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    parts.push(fromList(file.replace(/\.json$/, ''), readJson(new URL(file, dir))));
  const seen = new Set<string>();
  const out: LabelledCase[] = [];
  for (const c of parts.flat()) {
    const key = c.source && !c.source.includes('/') ? c.id : c.source || c.id;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
