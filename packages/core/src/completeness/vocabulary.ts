import { fieldNameSets, normaliseFieldName } from '../case/field-names.js';
import type { Rubric } from './rubric-schema.js';

/**
 * The team's own product and area names from its helpdesk: the options of the ticket fields the rubric reads the
 * product from (`fields.product`: Product, Module, Component, …), so that "the Payroll module" counts as the product
 * when the team sells one called Payroll. Option values like `payroll_module` are read as words.
 *
 * @example productVocabulary({ Module: ['Payroll', 'time_tracking'] }, DEFAULT_RUBRIC) // ['Payroll', 'time tracking']
 */
export function productVocabulary(
  fieldOptions: Readonly<Record<string, readonly string[]>>,
  rubric: Rubric,
): string[] {
  const wanted = fieldNameSets(rubric.fields).product;
  const names = new Set<string>();
  for (const [field, options] of Object.entries(fieldOptions)) {
    if (!wanted?.has(normaliseFieldName(field))) continue;
    for (const o of options) {
      const name = o.replace(/[_:]+/g, ' ').trim();
      if (name.length >= 2 && name.length <= 80 && /\p{L}/u.test(name)) names.add(name);
    }
  }
  return [...names];
}

/** The rubric with more product names (the team's vocabulary); the same rubric when there are none to add. */
export function withProducts(rubric: Rubric, names: readonly string[]): Rubric {
  const known = new Set(rubric.products.map((p) => p.toLowerCase()));
  const more = names.filter((n) => !known.has(n.toLowerCase()));
  return more.length ? { ...rubric, products: [...rubric.products, ...more] } : rubric;
}
