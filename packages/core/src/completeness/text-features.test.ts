import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvObjects } from '../importers/csv.js';
import { SHARED_DATA } from '../test-support/shared-data.js';
import { GLOSSES } from './gloss.js';
import { featureHash, isCjk, textFeatures } from './text-features.js';

const DATA = `${SHARED_DATA}tickets_datasets/`;

function take(file: string, n: number, read: (r: Record<string, string>) => [string, string]) {
  const out: [string, string][] = [];
  for (const { record } of csvObjects(readFileSync(`${DATA}${file}`, 'utf8'))) {
    if (out.length >= n) break;
    out.push(read(record));
  }
  return out;
}

// 4,000 real tickets in English and German (the bench's datasets).
const tickets = [
  ...take('kaggle_customer_support_tickets/customer_support_tickets.csv', 1000, (r) => [
    r['Ticket Subject'] ?? '',
    r['Ticket Description'] ?? '',
  ]),
  ...take('multilang_tickets_tobi_bueck/aa_dataset-tickets-multi-lang-5-2-50-version.csv', 2000, (r) => [
    r.subject ?? '',
    (r.body ?? '').replaceAll('\\n', '\n'),
  ]),
  ...take('it_support_all_tickets/all_tickets.csv', 1000, (r) => [r.title ?? '', r.body ?? '']),
];

describe('textFeatures', () => {
  // The shipped model holds weights by these exact hashes: a change to the features (a speed-up included) that moves
  // one hash of one ticket silently costs the model that feature. A deliberate change of the features retrains the
  // model (training/README.md) and sets this digest anew.
  it('gives the features the model was trained on, hash for hash, on 4,000 real tickets', () => {
    const digest = createHash('sha256');
    for (const [subject, description] of tickets) {
      const f = textFeatures(subject, description);
      digest.update(JSON.stringify([f.sentences, f.perSentence, f.doc, f.docOnly]));
    }
    expect(tickets).toHaveLength(4000);
    expect(digest.digest('hex')).toBe('aba56fa8046ff117ec4b5abeb2941ca5ce64f1f5b0c811e0a92060dee3270afb');
  });

  it('reads a glossed foreign word as its English word too, next to its own features', () => {
    const french = textFeatures(
      'Erreur après la mise à jour',
      "Impossible de configurer la version 4.2, l'écran reste vide.",
    );
    for (const english of ['error', 'after', 'update', 'configure', 'screen', 'blank'])
      expect(french.doc, english).toContain(featureHash(`w:${english}`));
    expect(french.doc).toContain(featureHash('s:error')); // a subject word is a subject word in English too
    expect(french.doc).toContain(featureHash('p:confi')); // and the English word's stem: configur·ation
    expect(french.doc).toContain(featureHash('w:configurer')); // the word's own feature stays
    const spanish = textFeatures('', 'No puedo iniciar sesión: contraseña incorrecta.');
    expect(spanish.doc).toContain(featureHash('w:password'));
    const chinese = textFeatures('安装失败', '更新到4.2版本后无法登录，提示密码错误。');
    for (const english of ['install', 'fails', 'update', 'version', 'unable', 'login', 'password', 'error'])
      expect(chinese.doc, english).toContain(featureHash(`w:${english}`));
    expect(chinese.sentences).toHaveLength(2); // the subject, and one sentence ended by 。
    // English text gains nothing: "come" is Italian for how, and not glossed.
    const english = textFeatures('', 'Please come back to me about the error.');
    expect(english.doc).not.toContain(featureHash('w:how'));
  });

  it('glosses each foreign word once, never a word spelled as its gloss, never a word of two letters', () => {
    const seen = new Set<string>();
    for (const [english, words] of GLOSSES)
      for (const w of words.split(' ')) {
        expect(w, english).not.toBe(english);
        // A Chinese or Japanese word is the pair of characters textFeatures reads there.
        expect(w.length, w).toBe(isCjk(w.charCodeAt(0)) ? 2 : Math.max(3, w.length));
        expect(w, w).toBe(w.toLowerCase());
        expect(seen.has(w), w).toBe(false);
        seen.add(w);
      }
    expect(seen.size).toBeGreaterThan(700);
  });
});
