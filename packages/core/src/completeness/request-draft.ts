import type { Rubric } from './rubric-schema.js';

/**
 * A polite reply asking for every missing item in one message, so that the customer answers once
 * instead of twice. Uses the rubric's texts in the customer's language (English when it has none).
 *
 * @example draftRequest(DEFAULT_RUBRIC, 'en', { subject: 'Export fails', name: 'Anna', questions: ['Which version?'] })
 */
export function draftRequest(
  rubric: Rubric,
  language: string,
  { subject, name, questions }: { subject: string; name?: string | null; questions: readonly string[] },
): string {
  const text = rubric.text[language] ?? rubric.text.en ?? Object.values(rubric.text)[0];
  if (!text) throw new Error('rubric has no texts');
  const firstName = name?.trim().split(/\s+/)[0];
  const greeting = firstName ? text.greetingNamed.replace('{name}', firstName) : text.greeting;
  const list = questions.map((q, i) => `${i + 1}. ${q}`).join('\n');
  const cleanSubject = subject.trim().replace(/\s+/g, ' ').slice(0, 120) || '…';
  return text.draft
    .replace('{greeting}', greeting)
    .replace('{subject}', cleanSubject)
    .replace('{questions}', list);
}
