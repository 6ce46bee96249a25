import type { CompletenessResult } from '@support-metrics/core';

/** The tag that marks a ticket whose first message lacks required information, for views and triggers. */
export const INCOMPLETE_TAG = 'completeness_incomplete';

/**
 * The ticket update that writes the verdict back to Zendesk: the tag, and an internal note listing what is
 * missing with the drafted request, so agents and triggers can act on it. One PUT does both.
 */
export function writeBackUpdate(result: CompletenessResult): { ticket: Record<string, unknown> } {
  const missing = result.items.filter((i) => i.required && !i.present);
  const lines = [
    `Support Metrics: completeness ${result.score}/100 — missing ${missing.map((i) => i.label.toLowerCase()).join(', ')}.`,
    '',
    'Suggested request to the customer:',
    '',
    result.requestDraft ?? '',
  ];
  return {
    ticket: {
      additional_tags: [INCOMPLETE_TAG],
      comment: { body: lines.join('\n'), public: false },
    },
  };
}
