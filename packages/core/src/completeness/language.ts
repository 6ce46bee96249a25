/** Languages the default rubric has texts for. */
export type Language = 'en' | 'de';

const GERMAN =
  /\b(und|der|die|das|nicht|ich|wir|ist|mit|für|bitte|wird|eine|auf|sehr|geehrte|unsere?|können|haben|dass)\b/gi;
const ENGLISH = /\b(the|and|is|not|i|we|you|with|for|please|to|of|my|our|have|can|this|that)\b/gi;

/**
 * How many matches a g-flag scan finds, counting no further than `upTo` (test moves on as exec does, without building
 * each match's array).
 */
function count(re: RegExp, text: string, upTo = Number.POSITIVE_INFINITY): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < upTo && re.test(text)) n++;
  return n;
}

/**
 * The language a customer wrote in, so that the drafted request answers in the same language.
 * Only tells English from German; anything else is treated as English.
 *
 * @example detectLanguage('Sehr geehrte Damen und Herren, die App startet nicht') // 'de'
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 2000);
  // German when it has more German words than English ones: the English ones are counted only until they are as many.
  const german = count(GERMAN, sample);
  return german > count(ENGLISH, sample, german) ? 'de' : 'en';
}
