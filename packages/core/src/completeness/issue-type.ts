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

// Signals per type, each hit counts once; the subject (short, chosen by the customer) counts double.
const SIGNALS: Record<IssueType, RegExp> = {
  bug: /\b(?:bugs?|defect\w*|error\w*|exception|crash\w*|broken?|broke|fail\w*|not working|doesn'?t work|does not work|stopped working|malfunction\w*|outage|is down|glitch\w*|freez\w*|frozen|not (?:turning on|responding|loading|syncing|charging|saved|saving|functioning)|won'?t (?:start|turn on|load|open)|data loss|lost data|deleted|incident|slow\w*|disconnect\w*|drops?|interruptions?|disruptions?|breach|vulnerab\w*|unauthori[sz]ed|fire|smoke|noises?|overheat\w*|fehler\w*|absturz|stürzt|funktioniert nicht|störung\w*|ausfall|ausgefallen|defekt|sicherheitsvorfall|unterbrechung\w*|verbindungsabbr\w*)\b/gi,
  install_config:
    /\b(?:install\w*|setup|set up|setting up|configur\w*|config|upgrad\w*|activat\w*|licen[cs]\w*|integrat\w*|deploy\w*|migrat\w*|onboard\w*|permissions?|access (?:request|to|my \w+ account|for)|admin account|new (?:starter|user|employee|hire|workstation|laptop)|log ?in|logging in|sign(?:ing)? in|locked|unlock\w*|credentials|password\w*|sso|single sign-on|provision\w*|enrol\w*|pair(?:ing)?|connect(?:ing)? (?:a|my|the|to|with)|peripheral|compatib\w*|alteration|amendment|change request|einricht\w*|konfigur\w*|installier\w*|aktualisier\w*|lizenz\w*|integration|einstellung\w*|berechtigung\w*|zugang|anmeld\w*|passwort)\b/gi,
  how_to:
    /\b(?:how (?:do|can|to|does|should)|is it possible|is there (?:a|any) way|what can i do|wondering|guidance|documentation|best practices?|where (?:can|do) i find|explain|tutorial|instructions|procedures?|guidelines?|recover|wie (?:kann|können|funktioniert)|anleitung|dokumentation|vorgehensweise)\b/gi,
  other:
    /\b(?:refund\w*|billing|bill(?:ed)?|invoice\w*|charge[ds]?|payment\w*|cancel\w*|subscription\w*|pricing|price|quote|order(?:ed|s)?|shipping|delivery|return(?:ed|s)?|purchase\w*|discount|contract|renewal|account closure|complaint|feedback|job|hiring|sales|pre-sales|invest\w*|marketing|financial|offerings?|portfolio|products and services|consult\w*|rechnung\w*|rückerstattung|kündig\w*|zahlung\w*|abonnement|preis\w*|angebot\w*|bestellung|vertrag|lieferung|anlage\w*|marketing\w*|rückgabe|beratung)\b/gi,
};

// "Issue", "problem", "trouble": a bug when nothing more specific is said, and in a subject line.
const WEAK_BUG =
  /\b(?:issues?|problems?|trouble|probleme?|hardware|display|battery|connectivity|network|verbindung\w*)\b/gi;

const ORDER: IssueType[] = ['bug', 'install_config', 'how_to', 'other'];
const SUBJECT_WEIGHT = 2;

function countHits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * One of the study's issue types named by a helpdesk value, as agents record it ('Bug', 'How-to', 'Install/Config',
 * 'question', 'setup', …); null for anything else.
 *
 * @example issueTypeOfValue('Install/Config') // 'install_config'
 */
export function issueTypeOfValue(value: string): IssueType | null {
  return (
    TAGS[
      value
        .trim()
        .toLowerCase()
        .replace(/[\s/-]+/g, '_')
    ] ?? null
  );
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
    let score = SUBJECT_WEIGHT * countHits(SIGNALS[type], subject) + countHits(SIGNALS[type], body);
    if (type === 'bug') score += SUBJECT_WEIGHT * countHits(WEAK_BUG, subject);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (bestScore === 0 && countHits(WEAK_BUG, body) > 0) best = 'bug';
  return { issueType: best, source: 'text' };
}
