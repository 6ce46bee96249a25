import type { FieldValue } from '../case/case-schema.js';
import { fieldNameSets, normaliseFieldName } from '../case/field-names.js';
import type { ItemId, Rubric } from './rubric-schema.js';
import { snippetAround } from './snippet.js';

/** What the scorer reads: a case, or the few fields of one that a sidebar has at hand. */
export interface CompletenessInput {
  subject?: string | null;
  description?: string | null;
  customFields?: Record<string, FieldValue>;
  tags?: readonly string[];
  attachments?: readonly { name: string }[];
  issueType?: 'how_to' | 'bug' | 'install_config' | 'other' | null;
  formId?: string | null;
  requester?: { name?: string | null } | null;
}

/** Why an item counts as present: where it was found, and the snippet that proves it. */
export interface Evidence {
  source: 'field' | 'attachment' | 'text';
  snippet: string;
}

// Text patterns, English and German. Each is tried in order; the first hit gives the evidence.
// They were tuned on the labelled fixture (fixtures/labelled-tickets.json); see the README for
// precision and recall per item.
const KNOWN_PRODUCTS =
  /\b(?:office 365|microsoft 365|outlook|excel|word|powerpoint|teams|sharepoint|onedrive|salesforce|sap|jira|confluence|slack|zendesk|hubspot|shopify|wordpress|magento|quickbooks|dynamics|oracle|tableau|power bi|zoom|dropbox|photoshop|adobe \w+|autocad|dell \w+|hp \w+|lenovo \w+|macbook(?: \w+)?|iphone(?: \d+)?|ipad|apple \w+|samsung \w+|sony \w+|lg \w+|gopro(?: \w+)?|canon \w+|nikon \w+|xbox(?: \w+)?|playstation(?: \d)?|nintendo \w+|fitbit(?: \w+)?|garmin \w+|bose \w+|nest \w+|philips \w+|google \w+|amazon \w+|kindle|microsoft \w+|asus \w+|acer \w+|bluetooth \w+)\b/i;
const PRODUCT_NOUN =
  /\b(?:the|our|my|your|this|unser\w*|mein\w*|ihr\w*|die|der|das|den|dem)\s+(?:[\w-]+\s+){1,2}?(?:app|application|software|platform|module|feature|dashboard|portal|plugin|plug-in|add-on|extension|integration|api|sdk|crm|erp|website|web ?shop|online shop|checkout|billing system|database|router|printer|projector|laptop|tablet|smartphone|headphones|camera|monitor|console|device|server software|tool|anwendung|plattform|modul|funktion|schnittstelle|datenbank|drucker|projektor\w*|bildschirm\w*|gerät\w*|router|webseite|website|software|speicherlösung\w*|cloud-\w+|system\w*)\b/i;
// English only (case-sensitive): a capitalised name after "my/our/your" ("my Dyson Vacuum"), or a
// brand-like token (inner capitals or digits: "the HP Pavilion", "a Mini-Projector") after other words.
const CAPITALISED_AFTER_POSSESSIVE =
  /\b(?:my|our|your)\s+([A-Z][\w+-]*(?:\s+[A-Z0-9][\w+.-]*){0,3})|\b(?:the|using|use|with|in|on|a)\s+((?:[A-Z][a-zA-Z0-9+]*[A-Z0-9][\w+]*|[A-Z]{2,}[\w+]*|[A-Z][a-z]+-[A-Z][\w]*)(?:\s+[A-Z0-9][\w+.-]*){0,3})/;

const VERSION_NAMED =
  /\b(?:(?:version|versión|v)\s*\d+(?:\.\d+)*|(?:windows|win)\s?(?:xp|vista|7|8|8\.1|10|11|server \d{4})|(?:ios|ipados|android|macos|mac os x?|os x|watchos|tvos)\s?\d+(?:\.\d+)*|macos (?:sonoma|ventura|monterey|big sur|sequoia|catalina|tahoe)|(?:build|release|firmware|patch|update)\s+#?\d[\w.-]*)\b|\b(?:ubuntu|debian|rhel|centos|fedora|php|python|node(?:\.js)?|java|jdk|\.net|postgres(?:ql)?|mysql|chrome|firefox|safari)\s+v?\d+(?:\.\d+)*\b/i;
const VERSION_NUMBER =
  /(?<![\w.$€£#/:-])v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?![\w%]|\.\d)/gi;

const ENVIRONMENT =
  /\b(?:windows(?: \d+| xp| server)?|mac ?os|os ?x|linux|ubuntu|debian|centos|red ?hat|rhel|ipados|android|chrome ?os|chromebook|google chrome|firefox|safari|microsoft edge|edge browser|internet explorer|virtual machine|vmware|hyper-v|docker|kubernetes|k8s|aws|azure|gcp|google cloud|on-?prem(?:ise|ises)?|self-hosted|vpn|wi-?fi|wlan|firewall|proxy server|postgres(?:ql)?|mysql|sql server|mongodb|oracle db|staging|test environment|production environment|(?:our|my|the) environment|hdmi|usb-c|bluetooth|betriebssystem \w+|umgebung|rechenzentrum)\b|\b(?:ios|macos|android|windows) (?:device|app|phone|tablet|\d+)\b|\b(?:home|office|corporate|company) network\b|\bmicroservices?\b|\bci\/cd\b|\bnas\b|\b(?:on|from|using|via|in|over|through|behind|auf|unter|über) (?:my|our|the|a|an|their|meinem|meinen|unserem|unseren|dem|den|einem)? ?(?:home |office |corporate |company |internal |local |own )?(?:network|server|servers|laptop|desktop|pc|workstation|iphone|ipad|macbook|mobile(?: device| phone)?|phone|tablet|browser|cloud|router|netzwerk|server|gerät|laptop|rechner|handy)\b/i;

const ERROR_CODE =
  /\b(?:0x[0-9a-f]{4,}|[A-Z]{2,}[-_]?\d{2,}|[A-Z]\d{3,}|HTTP\s?[45]\d\d)\b|\b[45]\d\d\s(?:error|internal|bad|not found|forbidden|unauthorized|service)|^\s+at [\w$.<>]+ ?\(|Traceback \(most recent call last\)|\b\w+(?:Exception|Error)\b/m;
const ERROR_WORDS =
  /\b(?:error(?:s|ed)?|exception|stack ?trace|crash(?:es|ed|ing)?|fail(?:s|ed|ing|ure|ures)?|timed? ?out|timeout|freez(?:e|es|ing)|froze(?:n)?|hang(?:s|ing)?|gets? stuck|is stuck|broken|corrupt(?:ed)?|not (?:turning on|responding|loading|starting|opening|connecting|syncing|saving|printing|booting|charging|working properly|functioning|displaying|showing)|(?:doesn'?t|does not|won'?t|will not|can'?t|cannot|can not|unable to|isn'?t|is not|aren'?t|are not)\s+(?:turn(?:ing)? on|start|open|load|connect|sync|print|respond|save|boot|charge|log ?in|sign in|access|display|show|send|receive|work properly|power on|pair|update|install|download|upload|recogni[sz]e|detect)|blank screen|black screen|blue screen|bsod|access denied|permission denied|invalid|disconnect(?:s|ed|ing)?|(?:connection|signal|call) (?:drops|dropped)|lag(?:s|gy|ging)|slow(?:ly|er)?|unresponsive|unavailable|outage|is down|went down|glitch(?:es|ing)?|malfunction(?:s|ing)?|overheat(?:s|ing)?|fehler\w*|absturz|stürzt|abgestürzt|funktioniert nicht|funktionieren nicht|nicht (?:erreichbar|verfügbar|möglich|mehr)|ausfall|ausgefallen|störung\w*|zeitüberschreitung|hängt|fehlgeschlagen|schlägt fehl|verzögerung\w*|abbr(?:uch|echen))\b/i;

const STEPS =
  /\b(?:steps to reproduce|to reproduce|when(?:ever)? (?:i|we|users?|you|they|customers?)\s+(?:try|tried|click|clicked|open|opened|attempt|attempted|go|went|run|ran|log|logged|use|used|press|pressed|select|selected|connect|connected|upload|uploaded|submit|submitted|start|started|access|accessed|save|saved|enter|entered)|after (?:i|we|updating|upgrading|installing|the (?:update|upgrade|installation|migration)|clicking|logging|restarting|rebooting|changing|switching)|(?:i|we)(?:'ve| have)?(?: already)? (?:tried|attempted|restarted|rebooted|reinstalled|re-installed|cleared|reset|followed|checked|updated|disabled|enabled|verified|power[- ]cycled|unplugged|performed|completed|taken)|tried (?:to|restarting|rebooting|reinstalling|clearing|resetting|updating)|(?:i|we)(?:'m| am|'re| are) using|when (?:i |we )?try(?:ing)?|reset option|troubleshoot(?:ing|ed)?|wenn ich|nachdem|sobald|schritte|versucht|neu ?gestartet|neu installiert|geklickt|durchgeführt|ergriffen|umgesetzt|geprüft|überprüft)\b|^\s*(?:\d{1,2}[.)]|step \d+:?)\s+\S/im;

const EXPECTED_ACTUAL =
  /\b(?:expect(?:ed|ing|ation)?|supposed to|should(?:n'?t| not)?\s+(?:be|have|show|display|work|return|sync|open|print|load|send|appear|get|update|run|start|connect|receive|charge|turn)|instead(?: of)?|rather than|used to (?:work|be|show|sync)|normally|actual (?:result|behaviou?r|outcome)|(?:even though|although|initially(?: it| the \w+)? (?:worked|functioned|operat\w+|was|there was)|previously (?:worked|was)|obwohl|anfangs|ursprünglich)|erwartet\w*|eigentlich|stattdessen|sollte[n]?|müsste[n]?|normalerweise|bisher)\b/i;

const IMPACT =
  /\b(?:urgent(?:ly)?|asap|as soon as possible|critical(?:ly)?|blocker|blocking|blocked|can(?:'?t|not) (?:work|operate|do (?:our|my) job)|unable to work|production|(?:all|most|many|several|multiple|hundreds of|thousands of|entire|whole|\d+) (?:of (?:our|the) )?(?:users|customers|employees|staff|clients|team|teams|departments|sites|offices|people)|deadline|revenue|business(?:-critical| critical| operations| impact| continuity| processes)|operations|affect(?:s|ed|ing)|impact(?:s|ed|ing)?|data loss|losing (?:money|data|sales|customers)|security (?:risk|breach|incident|threat)|sensitive|compliance|dringend\w*|kritisch\w*|sofort\w*|umgehend\w*|betrifft|betroffen\w*|produktion\w*|geschäftsbetrieb|geschäfts\w+|auswirkung\w*|beeinträchtig\w*|alle (?:benutzer|mitarbeiter|kunden)|umsatz|frist|datenverlust|risiko|sicherheitsrisiko)\b/i;

const GOAL =
  /\b(?:how (?:do|can|should|to|would|does)|what (?:steps|options|is the (?:best|recommended))|is (?:it|there a way) (?:possible|to)|is there (?:a|any) (?:way|option|setting)|(?:i|we) need (?:to|a|an|the|your|information|guidance|details|help (?:with|to) (?!this|resolv|fix|diagnos))|(?:i am|i'm|we are|we're) (?:trying|looking|hoping|planning|interested|seeking)|looking for|please (?:refund|cancel|send|provide (?:an? |the )?(?:update|guidance|details|information|instructions|steps)|explain|confirm|change|process|guide|let me know (?:how|what|if)|tell me|reset)|(?:could|can|would) you (?:please )?(?:provide (?:an? |the )?(?:update|guidance|details|information|instructions|steps|recommendations)|explain|tell|advise on|guide|share|recommend|confirm|clarify)|(?:request|query|inquiry|enquiry|question)s? (?:for|regarding|about|on|to)|inquir(?:e|y|ing) (?:about|regarding)|wie (?:kann|können|lässt)|(?:ich|wir) (?:möchte|möchten|würde gerne|würden gerne)(?! (?:\S+ ){0,8}(?:melden|informieren|hinweisen|berichten))|(?:ich|wir) (?:benötige|benötigen|brauche|brauchen|suche|suchen|plane|planen)|bitte (?:um (?:informationen|auskunft|anleitung|eine anleitung|details|rückerstattung|erstattung)|teilen sie|senden sie|erläutern sie|informieren sie)|ist es möglich|gibt es eine möglichkeit|anfrage (?:nach|zu|zur|zum|bezüglich|wegen)|frage (?:zu|zur|zum|nach|bezüglich))\b|\b(?:i|we)(?:'d| would) like (?!to (?:report|inform|notify|bring|raise|alert|make you aware))\w+|\b(?:i|we) (?:want|wish|intend|plan)(?: to)? (?!report|inform|notify)\w+|\brequest\s*$|^(?:access|create|install|add|remove|change|reset|exclude|provide|connect(?:ing)?|register(?:ing)?|set ?up|new|request)\b.{0,60}$|\b(?:needed|required|to be (?:removed|added|created|installed|changed|granted|enabled|disabled))\s*$/im;

const TIMELINE =
  /\b(?:since (?:yesterday|today|last|this|the (?:update|upgrade|last|latest|beginning|start|weekend|morning|release|migration)|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|then|early|morning|upgrading|updating|installing|we (?:updated|upgraded|installed|migrated))|yesterday|today|this (?:morning|afternoon|evening|week|month)|last (?:night|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|update|few days)|(?:\d+|a few|several|two|three|couple of) (?:minutes|hours|days|weeks|months) ago|recently|suddenly|started (?:to|happening|yesterday|today|last|after|on|this)|intermittent(?:ly)?|sometimes|occasionally|every (?:time|day|morning|hour|few)|constantly|repeatedly|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)|after (?:the|last|our|a recent) (?:update|upgrade|release|migration|patch)|until (?:yesterday|recently|last)|seit|gestern|heute|vorgestern|letzte[nmrs]? (?:woche|monat|nacht|tag\w*|zeit)|plötzlich|manchmal|gelegentlich|jedes mal|ständig|immer wieder|vor (?:\d+|einigen|ein paar|kurzem)|kürzlich|neulich|(?:am )?(?:montag|dienstag|mittwoch|donnerstag|freitag)|zeitweise|sporadic(?:ally)?|over the (?:past|last) (?:few |several |couple of )?(?:days|weeks|hours|months)|lately|(?:a|the) recent (?:update|upgrade|release|change|migration|patch)|started (?:occurring|happening|appearing)|kurz nach|nach (?:dem|der|einem|einer) (?:update|aktualisierung|erweiterung|umstellung|upgrade))\b|\bsporadisch\w*/i;

const ATTACHMENT =
  /\b(?:attached|attachment|attachments|attaching|enclosed|screenshots?|screen ?shots?|screen recording|please find (?:the )?(?:log|file)|(?:i|we)(?:'ve| have)? (?:included|uploaded|added|sent) (?:the |a |our )?(?:logs?|files?|screenshots?|images?|video)|anbei|anhang|angehängt\w*|beigefügt\w*|bildschirmfoto\w*|hänge(?:n)? (?:ich|wir)\b)/i;

const PATTERNS: Record<Exclude<ItemId, 'product' | 'version' | 'error'>, RegExp> = {
  environment: ENVIRONMENT,
  steps: STEPS,
  expected_actual: EXPECTED_ACTUAL,
  impact: IMPACT,
  goal: GOAL,
  timeline: TIMELINE,
  attachment: ATTACHMENT,
};

function fieldText(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return String(value);
}

/** The first custom field among the rubric's names for an item that has a value. */
function fromFields(input: CompletenessInput, wanted: Set<string> | undefined): Evidence | null {
  if (!wanted || !input.customFields) return null;
  for (const [key, value] of Object.entries(input.customFields)) {
    if (!wanted.has(normaliseFieldName(key))) continue;
    const text = fieldText(value);
    if (text !== null) return { source: 'field', snippet: `${key}: ${text}` };
  }
  return null;
}

function matchEvidence(text: string, re: RegExp): Evidence | null {
  const m = re.exec(text);
  return m ? { source: 'text', snippet: snippetAround(text, m.index, m[0].length) } : null;
}

function looksLikeDate(a: number, b: number, c: string | undefined): boolean {
  return c !== undefined && c.length >= 2 && a >= 1 && a <= 31 && b >= 1 && b <= 12;
}

function findVersion(text: string): Evidence | null {
  const named = matchEvidence(text, VERSION_NAMED);
  if (named) return named;
  VERSION_NUMBER.lastIndex = 0;
  for (let m = VERSION_NUMBER.exec(text); m !== null; m = VERSION_NUMBER.exec(text)) {
    const [, a = '0', b = '0', c, d] = m;
    if (d !== undefined && !m[0].toLowerCase().startsWith('v')) continue; // an IP address
    if (looksLikeDate(Number(a), Number(b), c)) continue; // 12.03.2024
    if (
      c === undefined &&
      /^\d+\.\d+\s*(?:%|percent|gb|mb|kb|tb|ghz|mhz|inch|in|kg|lbs?|hours?|h|km|mm|cm|m)\b/i.test(
        text
          .slice(m.index)
          .slice(0, m[0].length + 9)
          .replace(/^v/i, ''),
      )
    )
      continue; // a quantity such as 2.5 GB
    if (
      c === undefined &&
      !m[0].toLowerCase().startsWith('v') &&
      /\b(?:\$|usd|eur|price|cost|paid|charged|amount)\W*$/i.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue; // a price
    return { source: 'text', snippet: snippetAround(text, m.index, m[0].length) };
  }
  return null;
}

function findProduct(text: string, rubric: Rubric): Evidence | null {
  const lower = text.toLowerCase();
  for (const name of rubric.products) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0) return { source: 'text', snippet: snippetAround(text, at, name.length) };
  }
  return (
    matchEvidence(text, KNOWN_PRODUCTS) ??
    matchEvidence(text, PRODUCT_NOUN) ??
    matchEvidence(text, CAPITALISED_AFTER_POSSESSIVE)
  );
}

/**
 * Detects one completeness item: structured fields first (a custom field named in the rubric,
 * the ticket's attachments), then the text (subject and first message).
 *
 * @example detectItem('version', { description: 'Since 4.2.1 the export fails' }, DEFAULT_RUBRIC)
 * // { source: 'text', snippet: 'Since 4.2.1 the export fails' }
 */
export function detectItem(
  id: ItemId,
  input: CompletenessInput,
  rubric: Rubric,
  text: string,
): Evidence | null {
  const field = fromFields(input, fieldNameSets(rubric.fields)[id]);
  if (field) return field;
  switch (id) {
    case 'attachment': {
      const first = input.attachments?.[0];
      if (first) return { source: 'attachment', snippet: `${first.name} (attached)` };
      return matchEvidence(text, ATTACHMENT);
    }
    case 'product':
      return findProduct(text, rubric);
    case 'version':
      return findVersion(text);
    case 'error':
      return matchEvidence(text, ERROR_CODE) ?? matchEvidence(text, ERROR_WORDS);
    default:
      return matchEvidence(text, PATTERNS[id]);
  }
}
