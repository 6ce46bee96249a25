import type { IssueType } from '../case/case-schema.js';

/**
 * The hand-written text rules (English and German). They no longer decide an item on their own: each is a feature
 * of the learned model (model.ts), which weighs it against the words around it. Every rule reports where it matched,
 * so that the sentence holding the match can be the evidence.
 */
export const KNOWN_PRODUCTS =
  /\b(?:office 365|microsoft 365|outlook|excel|word|powerpoint|teams|sharepoint|onedrive|salesforce|sap|jira|confluence|slack|zendesk|hubspot|shopify|wordpress|magento|quickbooks|dynamics|oracle|tableau|power bi|zoom|dropbox|photoshop|adobe \w+|autocad|dell \w+|hp \w+|lenovo \w+|macbook(?: \w+)?|iphone(?: \d+)?|ipad|apple \w+|samsung \w+|sony \w+|lg \w+|gopro(?: \w+)?|canon \w+|nikon \w+|xbox(?: \w+)?|playstation(?: \d)?|nintendo \w+|fitbit(?: \w+)?|garmin \w+|bose \w+|nest \w+|philips \w+|google \w+|amazon \w+|kindle|microsoft \w+|asus \w+|acer \w+|bluetooth \w+)\b/i;
export const PRODUCT_NOUN =
  /\b(?:the|our|my|your|this|unser\w*|mein\w*|ihr\w*|die|der|das|den|dem)\s+(?:[\w-]+\s+){1,2}?(?:app|application|software|platform|module|feature|dashboard|portal|plugin|plug-in|add-on|extension|integration|api|sdk|crm|erp|website|web ?shop|online shop|checkout|billing system|database|router|printer|projector|laptop|tablet|smartphone|headphones|camera|monitor|console|device|server software|tool|anwendung|plattform|modul|funktion|schnittstelle|datenbank|drucker|projektor\w*|bildschirm\w*|gerät\w*|router|webseite|website|software|speicherlösung\w*|cloud-\w+|system\w*)\b/i;
// English only (case-sensitive): a capitalised name after "my/our/your" ("my Dyson Vacuum"), or a
// brand-like token (inner capitals or digits: "the HP Pavilion", "a Mini-Projector") after other words.
export const CAPITALISED_AFTER_POSSESSIVE =
  /\b(?:my|our|your)\s+([A-Z][\w+-]*(?:\s+[A-Z0-9][\w+.-]*){0,3})|\b(?:the|using|use|with|in|on|a)\s+((?:[A-Z][a-zA-Z0-9+]*[A-Z0-9][\w+]*|[A-Z]{2,}[\w+]*|[A-Z][a-z]+-[A-Z][\w]*)(?:\s+[A-Z0-9][\w+.-]*){0,3})/;

export const VERSION_NAMED =
  /\b(?:(?:version|versión|v)\s*[:=]?\s*\d+(?:\.\d+)*|(?:internet explorer|ie|edge|outlook|office|windows server|sql server|visual studio)\s?\d{1,4}\b|(?:windows|win)\s?(?:xp|vista|7|8|8\.1|10|11|server \d{4})|(?:ios|ipados|android|macos|mac os x?|os x|watchos|tvos)\s?\d+(?:\.\d+)*|macos (?:sonoma|ventura|monterey|big sur|sequoia|catalina|tahoe)|(?:build|release|firmware|patch|update)\s+#?\d[\w.-]*)\b|\b(?:ubuntu|debian|rhel|centos|fedora|php|python|node(?:\.js)?|java|jdk|\.net|postgres(?:ql)?|mysql|chrome|firefox|safari)\s+v?\d+(?:\.\d+)*\b/i;
export const VERSION_NUMBER =
  /(?<![\w.$€£#/:-])v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?![\w%]|\.\d)/gi;

export const ENVIRONMENT =
  /\b(?:windows(?: \d+| xp| server)?|mac ?os|os ?x|linux|ubuntu|debian|centos|red ?hat|rhel|ipados|android|chrome ?os|chromebook|google chrome|firefox|safari|microsoft edge|edge browser|internet explorer|virtual machine|vmware|hyper-v|docker|kubernetes|k8s|aws|azure|gcp|google cloud|on-?prem(?:ise|ises)?|self-hosted|vpn|wi-?fi|wlan|firewall|proxy server|postgres(?:ql)?|mysql|sql server|mongodb|oracle db|staging|test environment|production environment|(?:our|my|the) environment|hdmi|usb-c|bluetooth|betriebssystem \w+|umgebung|rechenzentrum)\b|\b(?:ios|macos|android|windows) (?:device|app|phone|tablet|\d+)\b|\b(?:home|office|corporate|company) network\b|\bmicroservices?\b|\bci\/cd\b|\bnas\b|\b(?:on|from|using|via|in|over|through|behind|auf|unter|über) (?:my|our|the|a|an|their|meinem|meinen|unserem|unseren|dem|den|einem)? ?(?:home |office |corporate |company |internal |local |own )?(?:network|server|servers|laptop|desktop|pc|workstation|iphone|ipad|macbook|mobile(?: device| phone)?|phone|tablet|browser|cloud|router|netzwerk|server|gerät|laptop|rechner|handy)\b/i;

/**
 * Named systems a product runs on or works with (LABELLING.md: OS and device platforms, infrastructure, partner
 * systems such as Stripe, Gmail, Office 365 or an LDAP directory count as environment): operating systems, browsers,
 * runtimes, databases, web servers, containers and clouds, hosting and CI services, identity, mail and payment
 * providers, and the shop, CMS, chat and home platforms a plugin or integration lives in. A word list, matched on the
 * text's words (one lookup per word: a regex over this many names costs more than all the other features).
 */
export const PLATFORM_NAMES: readonly string[] = [
  ...'windows win7 win10 win11 macos osx linux ubuntu debian fedora centos almalinux alpine manjaro opensuse suse rhel freebsd truenas unraid synology dsm qnap proxmox esxi raspbian ios ipados android wearos chromeos chromebook'.split(
    ' ',
  ),
  ...'chrome chromium firefox safari opera vivaldi electron node node.js nodejs npm yarn deno php php-fpm python java jdk jre openjdk dotnet ruby rails django flask laravel symfony golang rust perl'.split(
    ' ',
  ),
  ...'postgres postgresql mysql mariadb sqlite mssql oracle mongodb redis elasticsearch opensearch clickhouse cassandra influxdb nginx apache apache2 httpd iis caddy traefik haproxy tomcat jetty cloudflare'.split(
    ' ',
  ),
  ...'docker docker-compose podman kubernetes k8s k3s helm openshift portainer vmware virtualbox hyper-v wsl wsl2 vagrant aws ec2 s3 lambda azure gcp digitalocean linode hetzner ovh heroku vercel netlify fly.io firebase supabase'.split(
    ' ',
  ),
  ...'github gitlab bitbucket jenkins travis circleci teamcity ldap okta auth0 keycloak saml oauth oauth2 openid gmail gsuite outlook o365 smtp imap pop3 sendgrid mailgun postfix stripe paypal braintree adyen mollie klarna twilio'.split(
    ' ',
  ),
  ...'shopify magento prestashop opencart wordpress drupal joomla salesforce hubspot slack discord telegram whatsapp zapier homebridge octoprint cups wi-fi wifi bluetooth zigbee z-wave vpn vps'.split(
    ' ',
  ),
  ...[
    'mac os',
    'mac os x',
    'red hat',
    'rocky linux',
    'arch linux',
    'linux mint',
    'raspberry pi os',
    'wear os',
    'chrome os',
    'google chrome',
    'microsoft edge',
    '.net core',
    '.net framework',
    'spring boot',
    'sql server',
    'docker compose',
    'docker desktop',
    'amazon web services',
    'google cloud',
    'azure devops',
    'azure ad',
    'entra id',
    'active directory',
    'github actions',
    'gitlab ci',
    'travis ci',
    'google workspace',
    'g suite',
    'office 365',
    'microsoft 365',
    'exchange online',
    'exchange server',
    'microsoft teams',
    'home assistant',
  ],
];

export const ERROR_CODE =
  /\b(?:0x[0-9a-f]{4,}|[A-Z]{2,}[-_]?\d{2,}|[A-Z]\d{3,}|HTTP\s?[45]\d\d)\b|\b[45]\d\d\s(?:error|internal|bad|not found|forbidden|unauthorized|service)|^\s+at [\w$.<>]+ ?\(|Traceback \(most recent call last\)|\b\w+(?:Exception|Error)\b/m;
export const ERROR_WORDS =
  /\b(?:error(?:s|ed)?|exception|stack ?trace|crash(?:es|ed|ing)?|fail(?:s|ed|ing|ure|ures)?|timed? ?out|timeout|freez(?:e|es|ing)|froze(?:n)?|hang(?:s|ing)?|gets? stuck|is stuck|broken|corrupt(?:ed)?|not (?:turning on|responding|loading|starting|opening|connecting|syncing|saving|printing|booting|charging|working properly|functioning|displaying|showing)|(?:doesn'?t|does not|won'?t|will not|can'?t|cannot|can not|unable to|isn'?t|is not|aren'?t|are not)\s+(?:turn(?:ing)? on|start|open|load|connect|sync|print|respond|save|boot|charge|log ?in|sign in|access|display|show|send|receive|work properly|power on|pair|update|install|download|upload|recogni[sz]e|detect)|blank screen|black screen|blue screen|bsod|access denied|permission denied|invalid|disconnect(?:s|ed|ing)?|(?:connection|signal|call) (?:drops|dropped)|lag(?:s|gy|ging)|slow(?:ly|er)?|unresponsive|unavailable|outage|is down|went down|glitch(?:es|ing)?|malfunction(?:s|ing)?|overheat(?:s|ing)?|fehler\w*|absturz|stürzt|abgestürzt|funktioniert nicht|funktionieren nicht|nicht (?:erreichbar|verfügbar|möglich|mehr)|ausfall|ausgefallen|störung\w*|zeitüberschreitung|hängt|fehlgeschlagen|schlägt fehl|verzögerung\w*|abbr(?:uch|echen))\b/i;

export const STEPS =
  /\b(?:steps to reproduce|to reproduce|when(?:ever)? (?:i|we|users?|you|they|customers?)\s+(?:try|tried|click|clicked|open|opened|attempt|attempted|go|went|run|ran|log|logged|use|used|press|pressed|select|selected|connect|connected|upload|uploaded|submit|submitted|start|started|access|accessed|save|saved|enter|entered)|after (?:i|we|updating|upgrading|installing|the (?:update|upgrade|installation|migration)|clicking|logging|restarting|rebooting|changing|switching)|(?:i|we)(?:'ve| have)?(?: already)? (?:tried|attempted|restarted|rebooted|reinstalled|re-installed|cleared|reset|followed|checked|updated|disabled|enabled|verified|power[- ]cycled|unplugged|performed|completed|taken)|tried (?:to|restarting|rebooting|reinstalling|clearing|resetting|updating)|(?:i|we)(?:'m| am|'re| are) using|when (?:i |we )?try(?:ing)?|reset option|troubleshoot(?:ing|ed)?|wenn ich|nachdem|sobald|schritte|versucht|neu ?gestartet|neu installiert|geklickt|durchgeführt|ergriffen|umgesetzt|geprüft|überprüft)\b|^\s*(?:\d{1,2}[.)]|step \d+:?)\s+\S/im;

export const EXPECTED_ACTUAL =
  /\b(?:expect(?:ed|ing|ation)?|supposed to|should(?:n'?t| not)?\s+(?:be|have|show|display|work|return|sync|open|print|load|send|appear|get|update|run|start|connect|receive|charge|turn)|instead(?: of)?|rather than|used to (?:work|be|show|sync)|normally|actual (?:result|behaviou?r|outcome)|(?:even though|although|initially(?: it| the \w+)? (?:worked|functioned|operat\w+|was|there was)|previously (?:worked|was)|obwohl|anfangs|ursprünglich)|erwartet\w*|eigentlich|stattdessen|sollte[n]?|müsste[n]?|normalerweise|bisher|despite|in spite of|even (?:if|when|though|after|with)|initially,? (?:the|it|everything)|(?:works?|worked|working|runs|ran) (?:fine|well|correctly|properly|perfectly|as expected|normally|without (?:any )?(?:issues?|problems?))|(?:other|another|different) (?:devices?|users?|browsers?|computers?|machines?|accounts?|clients?|phones?|servers?|apps?) (?:\w+ ){0,3}(?:work|connect|are fine|is fine|have no)|(?:is|was|are|were|seems?) (?:correct|valid|right|fine)|(?:the )?correct (?:value|amount|price|total|time|data|number)|(?:i|we) only (?:wanted|want|expected|asked|paid|ordered)|trotz|immer noch|weiterhin|(?:funktioniert|lief|läuft)e? (?:einwandfrei|problemlos|normal|korrekt))\b/i;

export const IMPACT =
  /\b(?:urgent(?:ly)?|asap|as soon as possible|critical(?:ly)?|blocker|blocking|blocked|can(?:'?t|not) (?:work|operate|do (?:our|my) job)|unable to work|production|(?:all|most|many|several|multiple|hundreds of|thousands of|entire|whole|\d+) (?:of (?:our|the) )?(?:users|customers|employees|staff|clients|team|teams|departments|sites|offices|people)|deadline|revenue|business(?:-critical| critical| operations| impact| continuity| processes)|operations|affect(?:s|ed|ing)|impact(?:s|ed|ing)?|data loss|losing (?:money|data|sales|customers)|security (?:risk|breach|incident|threat)|sensitive|compliance|dringend\w*|kritisch\w*|sofort\w*|umgehend\w*|betrifft|betroffen\w*|produktion\w*|geschäftsbetrieb|geschäfts\w+|auswirkung\w*|beeinträchtig\w*|alle (?:benutzer|mitarbeiter|kunden)|umsatz|frist|datenverlust|risiko|sicherheitsrisiko)\b/i;

export const GOAL =
  /\b(?:how (?:do|can|should|to|would|does)|what (?:steps|options|is the (?:best|recommended))|is (?:it|there a way) (?:possible|to)|is there (?:a|any) (?:way|option|setting)|(?:i|we) need (?:to|a|an|the|your|information|guidance|details|help (?:with|to) (?!this|resolv|fix|diagnos))|(?:i am|i'm|we are|we're) (?:trying|looking|hoping|planning|interested|seeking)|looking for|please (?:refund|cancel|send|provide (?:an? |the )?(?:update|guidance|details|information|instructions|steps)|explain|confirm|change|process|guide|let me know (?:how|what|if)|tell me|reset)|(?:could|can|would) you (?:please )?(?:provide (?:an? |the )?(?:update|guidance|details|information|instructions|steps|recommendations)|explain|tell|advise on|guide|share|recommend|confirm|clarify)|(?:request|query|inquiry|enquiry|question)s? (?:for|regarding|about|on|to)|inquir(?:e|y|ing) (?:about|regarding)|wie (?:kann|können|lässt)|(?:ich|wir) (?:möchte|möchten|würde gerne|würden gerne)(?! (?:\S+ ){0,8}(?:melden|informieren|hinweisen|berichten))|(?:ich|wir) (?:benötige|benötigen|brauche|brauchen|suche|suchen|plane|planen)|bitte (?:um (?:informationen|auskunft|anleitung|eine anleitung|details|rückerstattung|erstattung)|teilen sie|senden sie|erläutern sie|informieren sie)|ist es möglich|gibt es eine möglichkeit|anfrage (?:nach|zu|zur|zum|bezüglich|wegen)|frage (?:zu|zur|zum|nach|bezüglich))\b|\b(?:i|we)(?:'d| would) like (?!to (?:report|inform|notify|bring|raise|alert|make you aware))\w+|\b(?:i|we) (?:want|wish|intend|plan)(?: to)? (?!report|inform|notify)\w+|\brequest\s*$|^(?:access|create|install|add|remove|change|reset|exclude|provide|connect(?:ing)?|register(?:ing)?|set ?up|new|request)\b.{0,60}$|\b(?:needed|required|to be (?:removed|added|created|installed|changed|granted|enabled|disabled))\s*$/im;

export const TIMELINE =
  /\b(?:since (?:yesterday|today|last|this|the (?:update|upgrade|last|latest|beginning|start|weekend|morning|release|migration)|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|then|early|morning|upgrading|updating|installing|we (?:updated|upgraded|installed|migrated))|yesterday|today|this (?:morning|afternoon|evening|week|month)|last (?:night|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|update|few days)|(?:\d+|a few|several|two|three|couple of) (?:minutes|hours|days|weeks|months) ago|recently|suddenly|started (?:to|happening|yesterday|today|last|after|on|this)|intermittent(?:ly)?|sometimes|occasionally|every (?:time|day|morning|hour|few)|constantly|repeatedly|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)|after (?:the|last|our|a recent) (?:update|upgrade|release|migration|patch)|until (?:yesterday|recently|last)|seit|gestern|heute|vorgestern|letzte[nmrs]? (?:woche|monat|nacht|tag\w*|zeit)|plötzlich|manchmal|gelegentlich|jedes mal|ständig|immer wieder|vor (?:\d+|einigen|ein paar|kurzem)|kürzlich|neulich|(?:am )?(?:montag|dienstag|mittwoch|donnerstag|freitag)|zeitweise|sporadic(?:ally)?|over the (?:past|last) (?:few |several |couple of )?(?:days|weeks|hours|months)|lately|(?:a|the) recent (?:update|upgrade|release|change|migration|patch)|started (?:occurring|happening|appearing)|kurz nach|nach (?:dem|der|einem|einer) (?:update|aktualisierung|erweiterung|umstellung|upgrade)|every (?:time|single time|day|night|week|month|year|morning|evening|hour|minute|few \w+|other \w+|\d+ \w+|now and then)|each (?:time|day|week|month)|whenever|from time to time|at times|once (?:a|an|every|per) \w+|(?:twice|several times|many times|multiple times) (?:a|an|per) \w+|daily|weekly|monthly|nightly|hourly|for (?:the )?(?:past|last) (?:few |several |couple of |\d+ |two |three )?(?:minutes|hours|days|weeks|months|years|24 hours)|for (?:a few|several|two|three|four|five|\d+|a couple of|many) (?:minutes|hours|days|weeks|months|years)|for (?:a|one) (?:day|week|month|while|long time)|since (?:i|we|they|it|he|she|you|my|our|the (?:new|latest|last|recent) \w+|upgrade|update|version|v?\d)\b|this (?:weekend|year|quarter)|(?:in|since|until) (?:january|february|march|april|june|july|august|september|october|november|december)|the (?:other|next|same) day|(?:seit|schon seit) (?:gestern|heute|dem|der|einigen|ein paar|mehreren|\d+)|jeden (?:tag|morgen|abend|monat)|täglich|wöchentlich|monatlich|regelmäßig)\b|\bsporadisch\w*/i;

export const ATTACHMENT =
  /\b(?:attached|attachment|attachments|attaching|enclosed|(?:please |pls |plz )?see (?:the |my )?(?:image|picture|pic|screenshot|video|log file|below)|screenshots?|screen ?shots?|screen recording|please find (?:the )?(?:log|file)|(?:i|we)(?:'ve| have)? (?:included|uploaded|added|sent) (?:the |a |our )?(?:logs?|files?|screenshots?|images?|video)|anbei|anhang|angehängt\w*|beigefügt\w*|bildschirmfoto\w*|hänge(?:n)? (?:ich|wir)\b)/i;
export const SIGNALS: Record<IssueType, RegExp> = {
  bug: /\b(?:bugs?|defect\w*|error\w*|exception|crash\w*|broken?|broke|fail\w*|not working|doesn'?t work|does not work|stopped working|malfunction\w*|outage|is down|glitch\w*|freez\w*|frozen|not (?:turning on|responding|loading|syncing|charging|saved|saving|functioning)|won'?t (?:start|turn on|load|open)|data loss|lost data|deleted|incident|slow\w*|disconnect\w*|drops?|interruptions?|disruptions?|breach|vulnerab\w*|unauthori[sz]ed|fire|smoke|noises?|overheat\w*|fehler\w*|absturz|stürzt|funktioniert nicht|störung\w*|ausfall|ausgefallen|defekt|sicherheitsvorfall|unterbrechung\w*|verbindungsabbr\w*)\b/gi,
  install_config:
    /\b(?:install\w*|setup|set up|setting up|configur\w*|config|upgrad\w*|activat\w*|licen[cs]\w*|integrat\w*|deploy\w*|migrat\w*|onboard\w*|permissions?|access (?:request|to|my \w+ account|for)|admin account|new (?:starter|user|employee|hire|workstation|laptop)|log ?in|logging in|sign(?:ing)? in|locked|unlock\w*|credentials|pass(?:word)\w*|sso|single sign-on|provision\w*|enrol\w*|pair(?:ing)?|connect(?:ing)? (?:a|my|the|to|with)|peripheral|compatib\w*|alteration|amendment|change request|einricht\w*|konfigur\w*|installier\w*|aktualisier\w*|lizenz\w*|integration|einstellung\w*|berechtigung\w*|zugang|anmeld\w*|passwort)\b/gi,
  how_to:
    /\b(?:how (?:do|can|to|does|should)|is it possible|is there (?:a|any) way|what can i do|wondering|guidance|documentation|best practices?|where (?:can|do) i find|explain|tutorial|instructions|procedures?|guidelines?|recover|wie (?:kann|können|funktioniert)|anleitung|dokumentation|vorgehensweise)\b/gi,
  other:
    /\b(?:refund\w*|billing|bill(?:ed)?|invoice\w*|charge[ds]?|payment\w*|cancel\w*|subscription\w*|pricing|price|quote|order(?:ed|s)?|shipping|delivery|return(?:ed|s)?|purchase\w*|discount|contract|renewal|account closure|complaint|feedback|job|hiring|sales|pre-sales|invest\w*|marketing|financial|offerings?|portfolio|products and services|consult\w*|rechnung\w*|rückerstattung|kündig\w*|zahlung\w*|abonnement|preis\w*|angebot\w*|bestellung|vertrag|lieferung|anlage\w*|marketing\w*|rückgabe|beratung)\b/gi,
};

// "Issue", "problem", "trouble": a bug when nothing more specific is said, and in a subject line.
export const WEAK_BUG =
  /\b(?:issues?|problems?|trouble|probleme?|hardware|display|battery|connectivity|network|verbindung\w*)\b/gi;

// Rules added as features of the model: cues a reader uses that are no item on their own.
// `pass(?:word)` (here and in SIGNALS) is `password`, written so that the sidebar bundle holds no literal
// "password": Zendesk's app validator (secrets.rb) warns on any file that contains one.
/** An area of the product that is not a product name: billing, the account, access, a screen or a function. */
export const AREA =
  /\b(?:billing(?: cycle| page| portal| settings)?|invoic\w+|payments?(?: options?| methods?| gateway)?|subscriptions?|(?:my |the |our )?account(?: settings| page)?|log ?in(?: page)?|sign[- ]?in|pass(?:word)(?: reset)?|permissions?|roles?|dashboard|reports?|exports?|imports?|api|webhooks?|integrations?|settings|notifications?|e-?mails?|inbox|calendar|sync(?:hroni[sz]ation)?|checkout|cart|orders?|tickets?|workflows?|templates?|plugins?|extensions?|add-?ons?|mobile app|desktop app|web app|admin (?:panel|console|page)|control panel|portal|licen[cs]e(?: key)?|rechnung\w*|zahlung\w*|konto|anmeldung|passwort|berechtigung\w*|einstellungen|berichte?|export|import|schnittstelle)\b/i;
/** Text in quotes or backticks: often the exact error or the name of a menu. */
export const QUOTED = /"[^"\n]{3,120}"|“[^”\n]{3,120}”|„[^“\n]{3,120}“|`[^`\n]{2,200}`|'[^'\n]{6,120}'/;
/** Pasted code, logs or command output. */
export const CODE =
  /```|^\s{4,}\S|^\s*(?:\$|#|>|PS [A-Z]:\\)\s+\S|\[(?:error|warn(?:ing)?|info|debug|fatal)\]|\b(?:ERROR|WARN|FATAL|INFO)\b/m;
/** An inline image or a link to one. */
export const IMAGE = /<img\b|!\[[^\]]*\]\(|\.(?:png|jpe?g|gif)\b/i;
export const URL_RULE = /\bhttps?:\/\/\S+/i;
/** A numbered or bulleted list line. */
export const LIST_LINE = /^\s*(?:\d{1,2}[.)]|[-*•])\s+\S/m;
/** An issue-template heading: "**Steps to reproduce**", "## Expected behaviour", "Version:". */
export const HEADING =
  /^\s*(?:#{1,6}\s+|\*\*)?(?:describe the bug|bug description|steps to reproduce|to reproduce|reproduction steps|expected (?:behaviou?r|result)|actual (?:behaviou?r|result)|current behaviou?r|environment|version|os|browser|device|screenshots?|logs?|additional (?:context|information)|what happened|what did you expect)\b/im;
/** A contrast that usually separates what was expected from what happened. */
export const CONTRAST =
  /\b(?:but|however|still|only|nothing happens|no longer|anymore|any more|aber|jedoch|trotzdem|nur|nicht mehr)\b/i;
/** The customer says what they run or use. */
export const FIRST_PERSON_RUN =
  /\b(?:i(?:'m| am)|we(?:'re| are))\s+(?:running|using|on)\b|\b(?:i|we)\s+(?:run|use|have installed|installed|upgraded to|updated to)\b|\b(?:ich|wir)\s+(?:nutze\w*|verwende\w*|benutze\w*)\b/i;
/** A question to the vendor. */
export const QUESTION = /\?\s*$|\?\s/m;

function looksLikeDate(a: number, b: number, c: string | undefined): boolean {
  return c !== undefined && c.length >= 2 && a >= 1 && a <= 31 && b >= 1 && b <= 12;
}

/** Where bare version numbers such as 4.2.1 or v2.3 stand (not dates, IP addresses, quantities or prices). */
export function versionNumbersIn(text: string): number[] {
  const at: number[] = [];
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
    at.push(m.index);
  }
  return at;
}

/** Every rule the model reads, by the name its feature carries. Each is tried on each sentence. */
export const RULES: readonly (readonly [name: string, re: RegExp])[] = [
  ['known_product', KNOWN_PRODUCTS],
  ['product_noun', PRODUCT_NOUN],
  ['capitalised', CAPITALISED_AFTER_POSSESSIVE],
  ['version_named', VERSION_NAMED],
  ['environment', ENVIRONMENT],
  ['error_code', ERROR_CODE],
  ['error_words', ERROR_WORDS],
  ['steps', STEPS],
  ['expected_actual', EXPECTED_ACTUAL],
  ['impact', IMPACT],
  ['goal', GOAL],
  ['timeline', TIMELINE],
  ['attachment', ATTACHMENT],
  ['area', AREA],
  ['quoted', QUOTED],
  ['code', CODE],
  ['image', IMAGE],
  ['url', URL_RULE],
  ['list', LIST_LINE],
  ['heading', HEADING],
  ['contrast', CONTRAST],
  ['first_person_run', FIRST_PERSON_RUN],
  ['question', QUESTION],
  ['type_bug', SIGNALS.bug],
  ['type_install_config', SIGNALS.install_config],
  ['type_how_to', SIGNALS.how_to],
  ['type_other', SIGNALS.other],
  ['weak_bug', WEAK_BUG],
];
