/**
 * A port of the rules Zendesk's validator (`zendesk/zendesk_apps_support`, HEAD f3de3c7) runs over every packaged
 * file: `validations/secrets.rb` (warnings: secret-like patterns and keywords in text files),
 * `validations/requests.rb` (warnings: `http:` URLs in .js/.html) and `validations/mime.rb` (an error: archives,
 * documents, executables). The regular expressions are Ruby's, translated one for one: Ruby's `.` does not match a
 * newline (as in JavaScript without `s`), its `(?m)` is JavaScript's `s`, and `^` is always a line start in Ruby
 * (JavaScript's `m`).
 */
import type { AppFiles } from './validate-manifest.js';
import { type Finding, finding, LISTING_COMMA } from './zendesk-messages.js';

/** secrets.rb SECRET_KEYWORDS (matched case-sensitively, anywhere: `Regexp.union`). */
export const SECRET_KEYWORDS = [
  'password',
  'secret',
  'secretToken',
  'secret_token',
  'auth_key',
  'authKey',
  'auth_pass',
  'authPass',
  'auth_user',
  'AuthUser',
  'api_key',
];

/** secrets.rb APPLICATION_SECRETS, one for one. */
export const APPLICATION_SECRETS: Record<string, RegExp> = {
  'Slack Token': /(xox[p|b|o|a]-*.[a-z0-9])/,
  'RSA Private Key': /-----BEGIN RSA PRIVATE KEY-----/,
  'SSH Private Key (OpenSSH)': /-----BEGIN OPENSSH PRIVATE KEY-----/,
  'SSH Private Key (DSA)': /-----BEGIN DSA PRIVATE KEY-----/,
  'SSH Private Key (EC)': /-----BEGIN EC PRIVATE KEY-----/,
  'PGP Private Key Block': /-----BEGIN PGP PRIVATE KEY BLOCK-----/,
  'Facebook OAuth Token': /([f|F][a|A][c|C][e|E][b|B][o|O][o|O][k|K]( [|:"=-]|[:"=-|]).*.[0-9a-f]{24,36})/,
  'Twitter OAuth Token': /([t|T][w|W][i|I][t|T][t|T][e|E][r|R]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  'Github Token': /([g|G][i|I][t|T][h|H][u|U][b|B]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  'Google OAuth Token':
    /([c|C][l|L][i|I][e|E][n|N][t|T][-_][s|S][e|E][c|C][r|R][e|E][t|T]( [:"=-]|[:"=-]).*[a-zA-Z0-9\-_]{16,32})/,
  'AWS Access Key ID': /(AKIA[0-9A-Z]{8,24})/,
  'AWS Secret Access Key':
    /([a|A][w|W][s|S][_-][s|S][e|E][c|C][r|R][e|E][t|T][_-][a|A][c|C][c|C][e|E][s|S][s|S][_-][k|K][e|E][y|Y].*.[0-9a-zA-Z]{24,48})/,
  'Heroku API Key':
    /([h|H][e|E][r|R][o|O][k|K][u|U].*[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18})/,
  'Quickpay Secret': /(quickpay_secret:.*.[0-9a-zA-Z]{24,72})/,
  'Doorman Secret':
    /([d|D][o|O][o|O][r|R][m|M][a|A][n|N][-_][s|S][e|E][c|C][r|R][e|E][t|T].*.[0-9a-f]{16,132})/,
  'Shared Session Secret': /(shared_session_secret.*.[0-9a-f]{4,132})/,
  'Permanent Cookie Secret': /(permanent_cookie_secret.*.[0-9a-f]{120,156})/,
  'Scarlett AWS Secret Key':
    /([sS][cC][aA][rR][lL][eE][tT][tT][_-][aA][wW][sS][_-][sS][eE][cC][rR][eE][tT][_-][kK][eE][yY].*.[0-9a-zA-Z+.]{35,45})/,
  'Braintree Key': /(braintree_key.*.[0-9a-zA-Z]{16,36})/,
  'Ticket Validation Key': /(ticket_validation_key.*.[0-9a-zA-Z]{15,25})/,
  'App Key': /([aA][pP][pP][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'App Secret': /([aA][pP][pP][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Consumer Key':
    /([cC][oO][nN][sS][uU][mM][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Consumer Secret':
    /([cC][oO][nN][sS][uU][mM][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  // Ruby (?m) = dot matches newline; Ruby ^ = start of a line.
  'Generic Secret': /^([sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/ms,
  'Master Key': /([mM][aA][sS][tT][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Master Secret':
    /([mM][aA][sS][tT][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Token Key': /([tT][oO][kK][eE][nN][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Token Secret':
    /([tT][oO][kK][eE][nN][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Zendesk Zopim Mobile SSO Key': /(zendesk_zopim_mobile_sso_key.*.[0-9a-f]{58,68})/,
  'Help Center Private Key':
    /([pP][rR][iI][vV][aA][tT][eE][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'X-Outbound-Key': /([xX][-][oO][uU][tT][bB][oO][uU][nN][dD][-][kK][eE][yY][:" \t=-].*.[0-9a-z-]{32,36})/,
  'Attachment Token Key': /(attachment_token_key.*.[0-9a-f]{24,72})/,
  Password: /([pP][aA][sS][sS][wW][oO][rR][dD].*.[0-9a-zA-Z+_.-]{4,156})/,
  Token: /([tT][oO][kK][eE][nN]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
};

/** package.rb text_files: `%r{.*(html?|xml|js|json?)$}` on the path. */
export const isTextFile = (path: string) => /.*(html?|xml|js|json?)$/.test(path);

/**
 * requests.rb `URI.regexp(['http'])`: a URI whose scheme is `http` (any case), its hierarchical or opaque part made
 * of RFC 2396 URI characters.
 */
const HTTP_URI = /(?=http:)http:[A-Za-z0-9\-_.!~*'();/?:@&=+$,%#[\]]+/gi;

/**
 * What requests.rb names of a URL: `scan(URI.regexp(['http'])).map(&:compact).map(&:last)`, the last group of
 * RFC 2396's absolute-URI pattern that matched — fragment, else query, else path, else port, else host (for an opaque
 * URI, its opaque part). So `http://sm.example/api/x` is reported as `/api/x`, as Zendesk words it.
 */
function reportedPart(url: string): string {
  const rest = url.slice('http:'.length);
  const [beforeFragment = '', fragment] = splitOnce(rest, '#');
  if (!beforeFragment.startsWith('//')) return fragment ?? beforeFragment;
  const [beforeQuery = '', query] = splitOnce(beforeFragment.slice(2), '?');
  const slash = beforeQuery.indexOf('/');
  const authority = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash);
  const path = slash < 0 ? undefined : beforeQuery.slice(slash);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const portAt = hostPort.lastIndexOf(':');
  const host = portAt < 0 ? hostPort : hostPort.slice(0, portAt);
  const port = portAt < 0 ? undefined : hostPort.slice(portAt + 1);
  return fragment ?? query ?? path ?? port ?? host;
}
const splitOnce = (s: string, sep: string): [string, string | undefined] => {
  const at = s.indexOf(sep);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
};

/** mime.rb UNSUPPORTED_MIME_TYPES (subtype or extension). */
const UNSUPPORTED_MIME_TYPES = [
  'vnd.rar',
  'rar',
  'zip',
  'gzip',
  'pdf',
  'doc',
  'docx',
  'avi',
  'bin',
  'bz',
  'bz2',
  'csh',
  'sh',
  'jar',
  'mp3',
  'mpeg',
  'odt',
  'pptx',
  'ppt',
  'xls',
  'xlsx',
  '7z',
];
/** The magic numbers Marcel knows these types by (Marcel's own table is larger; these are the ones listed). */
const MAGIC: [string, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['vnd.rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['bz2', [0x42, 0x5a, 0x68]],
  ['mpeg', [0x49, 0x44, 0x33]],
];

/** secrets.rb, requests.rb and mime.rb over every file of the app. */
export function validateSources(
  files: AppFiles,
  /** requests.rb runs only over a valid manifest (package.rb); secrets.rb and mime.rb always. */
  o: { requests?: boolean } = {},
): { errors: Finding[]; warnings: Finding[] } {
  const warnings: Finding[] = [];
  const errors: Finding[] = [];
  const decoder = new TextDecoder();
  const compromised: string[] = [];
  for (const [path, bytes] of Object.entries(files)) {
    if (!isTextFile(path)) continue;
    const contents = decoder.decode(bytes);
    // secrets.rb call: each pattern found is a warning naming the file and the kind of secret.
    for (const [secretType, re] of Object.entries(APPLICATION_SECRETS))
      if (re.test(contents))
        warnings.push(
          finding('validations/secrets.rb APPLICATION_SECRETS', 'warning.application_secret', {
            file: path,
            secret_type: secretType,
          }),
        );
    const keyword = SECRET_KEYWORDS.map((k) => ({ k, at: contents.indexOf(k) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (keyword) compromised.push(`${path} ('${keyword.k}...')`);
    // requests.rb: http: URLs in .js and .html files.
    if (o.requests !== false && (/^.*\.jsx?$/.test(path) || /.*\.html?$/.test(path))) {
      const urls = (contents.match(HTTP_URI) ?? []).map(reportedPart);
      if (urls.length > 0)
        warnings.push(
          finding('validations/requests.rb call', 'warning.insecure_http_request', {
            uri: urls.join(LISTING_COMMA),
            file: path,
          }),
        );
    }
  }
  if (compromised.length > 0)
    warnings.push(
      finding('validations/secrets.rb SECRET_KEYWORDS', 'warning.generic_secrets', {
        files: compromised.join(LISTING_COMMA),
        count: compromised.length,
      }),
    );
  // mime.rb: by extension, or by the content's magic number.
  const unsupported = Object.entries(files)
    .filter(([path, bytes]) => {
      const ext = /\.([^./]+)$/.exec(path)?.[1] ?? '';
      const sniffed = MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
      return (
        UNSUPPORTED_MIME_TYPES.includes(ext) ||
        (sniffed !== undefined && UNSUPPORTED_MIME_TYPES.includes(sniffed))
      );
    })
    .map(([path]) => path);
  if (unsupported.length > 0)
    errors.push(
      finding('validations/mime.rb call', 'unsupported_mime_type_detected', {
        file_names: unsupported.join(', '),
        count: unsupported.length,
      }),
    );
  return { errors, warnings };
}
