import type { Case, IssueType } from '../case/case-schema.js';
import { caseIssueType, isSolved } from '../metrics/counters.js';

/** An agent as cases name them (the Zendesk assignee). */
export interface SwarmAgent {
  id: string;
  name: string | null;
  email: string | null;
}

/** What expert matching keeps of a solved case: who solved it, when, and what it was about. */
export interface SolvedCaseSummary {
  caseId: string;
  assignee: SwarmAgent;
  solvedAt: string;
  issueType: IssueType | null;
  product: string | null;
  tags: string[];
}

/** The three things similarity compares: issue type, product and tags. */
export type SimilarityProfile = Pick<SolvedCaseSummary, 'issueType' | 'product' | 'tags'>;

/**
 * Weights of the similarity score; they sum to 1. Issue type and product weigh the same; tags weigh less,
 * because helpdesks add many tags that say little (channel, macro, language tags).
 */
export const SIMILARITY_WEIGHTS = { issueType: 0.4, product: 0.4, tags: 0.2 } as const;

/**
 * A solved case is "similar" to the target when `similarity` reaches this. Same issue type and product
 * (0.8) qualifies; issue type or product alone (0.4) does not, nor do tags alone (at most 0.2); one of them
 * plus a tag overlap of at least one half (0.4 + 0.2 × 0.5) does.
 */
export const SIMILAR_THRESHOLD = 0.5;

/**
 * The product a case is about: the `product` custom field when it holds non-empty text, else the brand
 * (helpdesks with one brand per product), else null. Trimmed; `similarity` compares it case-insensitively.
 *
 * @example productOf(CaseSchema.parse({ id: '1', createdAt, brand: 'Exporter' })) // 'Exporter'
 */
export function productOf(c: Pick<Case, 'customFields' | 'brand'>): string | null {
  const field = c.customFields.product;
  if (typeof field === 'string' && field.trim() !== '') return field.trim();
  const brand = c.brand?.trim();
  return brand ? brand : null;
}

/**
 * What similarity reads of a case: its issue type (the field, else inferred from subject and description,
 * as the metrics count it), its product and its tags.
 */
export function similarityProfile(c: Case): SimilarityProfile {
  return { issueType: caseIssueType(c), product: productOf(c), tags: c.tags };
}

/**
 * The summary of a solved case for expert matching; null when the case has no assignee or is not solved
 * (status solved or closed, with a solved time): a reopened case does not show who can solve it.
 *
 * @example summariseSolved(solvedCase)?.assignee.id // '381'
 */
export function summariseSolved(c: Case): SolvedCaseSummary | null {
  if (c.assignee === null || !isSolved(c)) return null;
  const { id, name, email } = c.assignee;
  return {
    caseId: c.id,
    assignee: { id, name, email },
    solvedAt: c.solvedAt,
    ...similarityProfile(c),
    tags: [...c.tags],
  };
}

function tagSet(tags: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const tag of tags) {
    const t = tag.trim().toLowerCase();
    if (t !== '') set.add(t);
  }
  return set;
}

/** |a ∩ b| ÷ |a ∪ b|; 0 when both are empty (no tags is no evidence of likeness). */
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How alike two cases are, in [0, 1]:
 * `0.4 × [same issue type] + 0.4 × [same product] + 0.2 × Jaccard(tags)`.
 * An unknown (null) issue type or product never matches; products and tags compare trimmed and
 * case-insensitively. Similar means at least `SIMILAR_THRESHOLD` (0.5).
 *
 * @example similarity({ issueType: 'bug', product: 'Exporter', tags: [] }, { issueType: 'bug', product: 'exporter', tags: ['csv'] }) // 0.8
 */
export function similarity(a: SimilarityProfile, b: SimilarityProfile): number {
  const sameType = a.issueType !== null && a.issueType === b.issueType;
  const pa = a.product?.trim().toLowerCase();
  const pb = b.product?.trim().toLowerCase();
  const sameProduct = pa !== undefined && pa !== '' && pa === pb;
  return (
    (sameType ? SIMILARITY_WEIGHTS.issueType : 0) +
    (sameProduct ? SIMILARITY_WEIGHTS.product : 0) +
    SIMILARITY_WEIGHTS.tags * jaccard(tagSet(a.tags), tagSet(b.tags))
  );
}

/** One agent suggested to join a swarm, with the reason shown in Slack. */
export interface ExpertSuggestion {
  agent: SwarmAgent;
  /** Σ similarity × 0.5^(age in days ÷ half-life) over the similar cases the agent solved in the window. */
  score: number;
  /** Similar cases the agent solved in the window. */
  similarSolved: number;
  /** When the agent last solved a similar case (as given in the history). */
  lastSolvedAt: string;
  /** Cases assigned to the agent now; null when no open load was given. */
  openCases: number | null;
  /** E.g. "solved 7 similar cases in 90 days; 3 open now". */
  reason: string;
}

/** An agent who would have been suggested but already holds `capacity` open cases or more. */
export interface AgentAtCapacity {
  agent: SwarmAgent;
  openCases: number;
  similarSolved: number;
}

/** The experts to suggest, best first, and who was left out for being at capacity (same order). */
export interface ExpertSuggestions {
  experts: ExpertSuggestion[];
  atCapacity: AgentAtCapacity[];
}

export interface SuggestExpertsOptions {
  /** The clock: ages and the window are measured back from it. */
  now: Date;
  /** Only cases solved in the last `windowDays` count. Default 90. */
  windowDays?: number;
  /** A case solved `halfLifeDays` ago counts half as much as one solved now. Default 30. */
  halfLifeDays?: number;
  /** Agents with this many open cases or more are left out. Default 8. */
  capacity?: number;
  /** Agent id → open cases assigned now. An agent missing from a given map has 0. */
  openLoad?: ReadonlyMap<string, number>;
  /** Agent ids not to suggest (people already in the swarm). The target's assignee is always excluded. */
  exclude?: readonly string[];
  /** At most this many experts. Default 3. */
  limit?: number;
}

const DAY_MS = 86_400_000;

interface Tally {
  agent: SwarmAgent;
  score: number;
  similarSolved: number;
  lastSolvedMs: number;
  lastSolvedAt: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function reasonText(similarSolved: number, windowDays: number, openCases: number | null): string {
  const solved = `solved ${plural(similarSolved, 'similar case', 'similar cases')} in ${plural(windowDays, 'day', 'days')}`;
  return openCases === null ? solved : `${solved}; ${openCases} open now`;
}

// Scores are sums of floats whose order follows the history; rounding keeps the ranking independent of it.
const rankScore = (score: number): number => Math.round(score * 1e9);

function byRank(a: Tally, b: Tally): number {
  return (
    rankScore(b.score) - rankScore(a.score) ||
    b.similarSolved - a.similarSolved ||
    (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0)
  );
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new Error(`suggestExperts: ${name} must be > 0, got ${value}`);
  return value;
}

/**
 * Who should join a swarm on `target`: the agents who solved similar cases (same issue type and product,
 * overlapping tags; see `similarity`) in the last `windowDays`, recent ones weighing more, minus the
 * target's assignee, `exclude` and anyone already holding `capacity` open cases (those are returned in
 * `atCapacity`). Order: score desc, then similar cases solved desc, then agent id.
 *
 * `history` is read once, in any order; each case id counts once, and the target itself never counts.
 * A case solved after `now` (clock skew) counts as solved now.
 *
 * @example
 * const { experts } = suggestExperts(target, solvedCases, { now: new Date(), openLoad });
 * experts[0]?.reason // 'solved 7 similar cases in 90 days; 3 open now'
 */
export function suggestExperts(
  target: Case,
  history: Iterable<SolvedCaseSummary>,
  opts: SuggestExpertsOptions,
): ExpertSuggestions {
  const windowDays = positive('windowDays', opts.windowDays ?? 90);
  const halfLifeDays = positive('halfLifeDays', opts.halfLifeDays ?? 30);
  const capacity = positive('capacity', opts.capacity ?? 8);
  const limit = opts.limit ?? 3;
  const nowMs = opts.now.getTime();
  if (Number.isNaN(nowMs)) throw new Error('suggestExperts: now is an invalid date');

  const excluded = new Set(opts.exclude ?? []);
  if (target.assignee) excluded.add(target.assignee.id);
  const profile = similarityProfile(target);
  const counted = new Set<string>([target.id]);
  const tallies = new Map<string, Tally>();

  for (const s of history) {
    if (counted.has(s.caseId) || excluded.has(s.assignee.id)) continue;
    const solvedMs = Date.parse(s.solvedAt);
    if (Number.isNaN(solvedMs)) continue;
    const ageDays = Math.max(0, (nowMs - solvedMs) / DAY_MS);
    if (ageDays > windowDays) continue;
    const sim = similarity(profile, s);
    if (sim < SIMILAR_THRESHOLD) continue;
    counted.add(s.caseId);

    const { id, name, email } = s.assignee;
    let t = tallies.get(id);
    if (!t) {
      t = {
        agent: { id, name, email },
        score: 0,
        similarSolved: 0,
        lastSolvedMs: solvedMs,
        lastSolvedAt: s.solvedAt,
      };
      tallies.set(id, t);
    }
    t.score += sim * 0.5 ** (ageDays / halfLifeDays);
    t.similarSolved += 1;
    // The most recent case names the agent; older ones only fill in what it lacks.
    if (solvedMs > t.lastSolvedMs) {
      t.lastSolvedMs = solvedMs;
      t.lastSolvedAt = s.solvedAt;
      t.agent = { id, name: name ?? t.agent.name, email: email ?? t.agent.email };
    } else {
      t.agent = { id, name: t.agent.name ?? name, email: t.agent.email ?? email };
    }
  }

  const experts: ExpertSuggestion[] = [];
  const atCapacity: AgentAtCapacity[] = [];
  for (const t of [...tallies.values()].sort(byRank)) {
    const openCases = opts.openLoad ? (opts.openLoad.get(t.agent.id) ?? 0) : null;
    if (openCases !== null && openCases >= capacity) {
      atCapacity.push({ agent: t.agent, openCases, similarSolved: t.similarSolved });
      continue;
    }
    if (experts.length >= limit) continue;
    experts.push({
      agent: t.agent,
      score: t.score,
      similarSolved: t.similarSolved,
      lastSolvedAt: t.lastSolvedAt,
      openCases,
      reason: reasonText(t.similarSolved, windowDays, openCases),
    });
  }
  return { experts, atCapacity };
}
