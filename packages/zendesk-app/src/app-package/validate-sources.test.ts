import { describe, expect, it } from 'vitest';
import { APPLICATION_SECRETS, isTextFile, validateSources } from './validate-sources.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** A line that each of secrets.rb's patterns finds (made-up values, none a real credential). */
const SAMPLES: Record<string, string> = {
  'Slack Token': 'const t = "xoxb-1a"',
  'RSA Private Key': '-----BEGIN RSA PRIVATE KEY-----',
  'SSH Private Key (OpenSSH)': '-----BEGIN OPENSSH PRIVATE KEY-----',
  'SSH Private Key (DSA)': '-----BEGIN DSA PRIVATE KEY-----',
  'SSH Private Key (EC)': '-----BEGIN EC PRIVATE KEY-----',
  'PGP Private Key Block': '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  'Facebook OAuth Token': 'facebook: "0123456789abcdef01234567"',
  'Twitter OAuth Token': 'twitter: "0123456789ABCDEFGHIJ0123456789"',
  'Github Token': 'github: "0123456789ABCDEFGHIJ0123456789"',
  'Google OAuth Token': 'client_secret: "0123456789abcdef"',
  'AWS Access Key ID': 'AKIA0123456789AB',
  'AWS Secret Access Key': 'aws_secret_access_key = "0123456789abcdefghijklmn"',
  'Heroku API Key': 'heroku 01234567-89AB-CDEF-0123-456789ABCDEF',
  'Quickpay Secret': 'quickpay_secret: 0123456789abcdefghijklmn',
  'Doorman Secret': 'doorman_secret = 0123456789abcdef0',
  'Shared Session Secret': 'shared_session_secret = abcd0',
  'Permanent Cookie Secret': `permanent_cookie_secret = ${'a'.repeat(121)}`,
  'Scarlett AWS Secret Key': `scarlett_aws_secret_key = ${'A'.repeat(36)}`,
  'Braintree Key': 'braintree_key = 0123456789abcdef0',
  'Ticket Validation Key': 'ticket_validation_key = 0123456789abcdef',
  'App Key': 'app_key: "abcd0"',
  'App Secret': 'app_secret: "abcd0"',
  'Consumer Key': 'consumer_key: "abcd0"',
  'Consumer Secret': 'consumer_secret: "abcd0"',
  'Generic Secret': 'x\nsecret: abcd0',
  'Master Key': 'master_key: "abcd0"',
  'Master Secret': 'master_secret: "abcd0"',
  'Token Key': 'token_key: "abcd0"',
  'Token Secret': 'token_secret: "abcd0"',
  'Zendesk Zopim Mobile SSO Key': `zendesk_zopim_mobile_sso_key = ${'a'.repeat(60)}`,
  'Help Center Private Key': 'private_key: "abcd0"',
  'X-Outbound-Key': `X-Outbound-Key: ${'a'.repeat(33)}`,
  'Attachment Token Key': `attachment_token_key = ${'a'.repeat(25)}`,
  Password: 'Password = hunter22',
  Token: 'token: "abcd0"',
};

describe('packaged files under Zendesk’s validator (secrets.rb, requests.rb, mime.rb)', () => {
  it('ports every pattern of secrets.rb APPLICATION_SECRETS, and each one fires', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(APPLICATION_SECRETS).sort());
    for (const [type, sample] of Object.entries(SAMPLES)) {
      const { warnings } = validateSources({ 'assets/app.js': enc(sample) });
      expect(
        warnings.map((w) => w.message),
        type,
      ).toContain(
        `Possible ${type} found in assets/app.js. Consider reviewing the contents of this file before submitting your app.`,
      );
    }
  });

  it('reads text files only (package.rb text_files): a .css or .png is not scanned', () => {
    expect(['a.js', 'a.json', 'a.html', 'a.htm', 'a.xml'].every(isTextFile)).toBe(true);
    expect(['a.css', 'a.png', 'a.svg'].some(isTextFile)).toBe(false);
    expect(validateSources({ 'assets/a.css': enc('token: "abcd0"') }).warnings).toEqual([]);
  });

  it('Ruby regex semantics: `.` stops at a line end; Generic Secret (?m) spans lines but starts a line', () => {
    expect(validateSources({ 'a.js': enc('token: "\nabcd0"') }).warnings).toEqual([]);
    expect(validateSources({ 'a.js': enc('my secret: x') }).warnings.map((w) => w.message)).not.toContain(
      expect.stringContaining('Generic Secret'),
    );
  });

  it('SECRET_KEYWORDS: the first keyword found, case-sensitive, names each file', () => {
    const { warnings } = validateSources({
      'manifest.json': enc('{"scopes": ["jwt_secret_key"]}'),
      'translations/en.json': enc('{"label": "Password"}'),
    });
    expect(warnings.map((w) => w.message)).toEqual([
      "Possible secrets found in manifest.json ('secret...'). Consider reviewing the contents of this file before submitting your app.",
    ]);
  });

  it('requests.rb: http: URLs in .js and .html files, not https', () => {
    const { warnings } = validateSources({
      'assets/a.js': enc('fetch("http://sm.example/api"); fetch("https://sm.example/api")'),
      'assets/a.json': enc('"http://sm.example/api"'),
    });
    expect(warnings.map((w) => w.message)).toEqual([
      // Zendesk names the last part of the URL that its pattern matched: here the path.
      'Possible insecure HTTP request to /api in assets/a.js. Consider using the HTTPS protocol instead.',
    ]);
  });

  it('mime.rb: archives and documents, by extension or by content', () => {
    const { errors } = validateSources({
      'assets/logs.zip': enc('x'),
      'assets/notes.txt': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
      'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(errors.map((e) => e.message)).toEqual([
      'Unsupported MIME types detected in assets/logs.zip, assets/notes.txt.',
    ]);
  });
});
