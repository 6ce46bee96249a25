import type { IssueType } from '../case/case-schema.js';
import type { CompletenessInput } from './detect-items.js';

/** Where the issue type came from: a helpdesk field or tag, or the words of the ticket. */
export interface IssueTypeResult {
  issueType: IssueType;
  source: 'field' | 'tag' | 'text';
}

const TAGS: Record<string, IssueType> = {
  how_to: 'how_to',
  howto: 'how_to',
  question: 'how_to',
  bug: 'bug',
  defect: 'bug',
  problem: 'bug',
  install: 'install_config',
  installation: 'install_config',
  config: 'install_config',
  configuration: 'install_config',
  setup: 'install_config',
  install_config: 'install_config',
  billing: 'other',
  refund: 'other',
  cancellation: 'other',
};

// Signals per type, each hit counts once; the subject counts twice as much as the body.
const SIGNALS: Record<IssueType, RegExp> = {
  bug: /\b(?:bugs?|defect|error\w*|exception|crash\w*|broken|fail\w*|not working|doesn'?t work|does not work|stopped working|malfunction\w*|outage|down|glitch\w*|freez\w*|frozen|not (?:turning on|responding|loading|syncing|charging)|won'?t (?:start|turn on|load|open)|data loss|incident|slow\w*|disconnect\w*|security|breach|vulnerab\w*|fehler\w*|absturz|stürzt|funktioniert nicht|störung\w*|ausfall|ausgefallen|defekt|sicherheitsvorfall|problem(?:e|s)?|issues?)\b/gi,
  install_config:
    /\b(?:install\w*|setup|set up|setting up|configur\w*|config|settings?|upgrad\w*|activat\w*|licen[cs]\w*|integrat\w*|deploy\w*|migrat\w*|onboard\w*|permissions?|sso|single sign-on|password reset|reset (?:my|the) password|provision\w*|enrol\w*|pair(?:ing)?|connect(?:ing)? (?:to|with)|sync(?:ing|hroni[sz]\w*)? with|peripheral compatibility|compatib\w*|einricht\w*|konfigur\w*|installier\w*|aktualisier\w*|lizenz\w*|integration|einstellung\w*|berechtigung\w*|migration)\b/gi,
  how_to:
    /\b(?:how (?:do|can|to|does|should)|is it possible|is there a way|question|wondering|guidance|documentation|best practices?|where (?:can|do) i find|information (?:about|on|regarding)|inquiry|enquiry|explain|tutorial|learn|advice|recommend\w*|wie (?:kann|können|funktioniert)|frage\w*|möglich\w*|informationen|anleitung|beratung|dokumentation)\b/gi,
  other:
    /\b(?:refund\w*|billing|bill(?:ed)?|invoice\w*|charge[ds]?|payment\w*|cancel\w*|subscription\w*|pricing|price|quote|order(?:ed|s)?|shipping|delivery|return(?:ed|s)?|purchase\w*|discount|contract|renewal|account closure|complaint|feedback|job|hiring|sales|rechnung\w*|rückerstattung|kündig\w*|zahlung\w*|abonnement|preis\w*|angebot|bestellung|vertrag|lieferung)\b/gi,
};

const ORDER: IssueType[] = ['bug', 'install_config', 'how_to', 'other'];

function countHits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * The study's issue type of a case: from a helpdesk field or tag when it has one, else from the text
 * (keyword signals for bugs, install/config/setup, how-to questions and commercial requests).
 *
 * @example inferIssueType({ subject: 'How do I export a report?' }).issueType // 'how_to'
 */
export function inferIssueType(input: CompletenessInput): IssueTypeResult {
  if (input.issueType) return { issueType: input.issueType, source: 'field' };
  for (const tag of input.tags ?? []) {
    const type = TAGS[tag.toLowerCase()];
    if (type) return { issueType: type, source: 'tag' };
  }
  const subject = input.subject ?? '';
  const body = (input.description ?? '').slice(0, 20_000);
  let best: IssueType = 'other';
  let bestScore = 0;
  for (const type of ORDER) {
    const score = 2 * countHits(SIGNALS[type], subject) + countHits(SIGNALS[type], body);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return { issueType: best, source: 'text' };
}
