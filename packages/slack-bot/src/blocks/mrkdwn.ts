import type { Button, KnownBlock } from '@slack/types';

/** Slack's limits on what we send (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocks: 50,
  /** A Home tab or a modal (https://docs.slack.dev/reference/views/home-tab-views). */
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  header: 150,
  buttonText: 75,
  contextElements: 10,
};

/**
 * Escapes text for mrkdwn: `&`, `<` and `>` are Slack's control characters (a customer's subject with `<!channel>`
 * must not ping anyone).
 *
 * @example escapeMrkdwn('a <b> & c') // 'a &lt;b&gt; &amp; c'
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Cuts text to at most `max` characters, ending with … when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A mrkdwn section; its text is cut to Slack's limit. */
export function section(text: string, accessory?: Button): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
    ...(accessory ? { accessory } : {}),
  } as KnownBlock;
}

/** A mrkdwn field of a section; cut to Slack's 2,000 characters. */
export function field(text: string) {
  return { type: 'mrkdwn' as const, text: truncate(text, LIMITS.fieldText) };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.header), emoji: true } };
}

export function context(...texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn' as const, text: truncate(t, LIMITS.sectionText) })),
  };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: truncate(value, 2000),
    ...(style ? { style } : {}),
  };
}

export const divider = (): KnownBlock => ({ type: 'divider' });

/**
 * What in a message breaks Slack's limits: more than 50 blocks (100 on a Home tab or modal: pass `maxBlocks`), a
 * text over 3,000 characters (2,000 for a field, 150 for a header, 2,000 for an image's alt text), a button's text
 * over 75 or its value over 2,000. Empty when the message is fine. Tests check every builder with it.
 */
export function blockProblems(blocks: readonly KnownBlock[], maxBlocks: number = LIMITS.blocks): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (limit ${maxBlocks})`);
  blocks.forEach((b, i) => {
    const block = b as {
      type: string;
      text?: { text: string };
      fields?: { text: string }[];
      elements?: unknown[];
    };
    const limit = block.type === 'header' ? LIMITS.header : LIMITS.sectionText;
    if (block.text && block.text.text.length > limit)
      problems.push(`block ${i}: text of ${block.text.text.length}`);
    if (block.text && block.text.text.length === 0) problems.push(`block ${i}: empty text`);
    for (const f of block.fields ?? [])
      if (f.text.length > LIMITS.fieldText) problems.push(`block ${i}: field of ${f.text.length}`);
    if ((block.fields?.length ?? 0) > 10) problems.push(`block ${i}: ${block.fields?.length} fields`);
    if (block.type === 'actions' && (block.elements?.length ?? 0) > 25)
      problems.push(`block ${i}: too many elements`);
    const alt = (b as { alt_text?: string }).alt_text;
    if (block.type === 'image' && (!alt || alt.length > 2000))
      problems.push(`block ${i}: alt text of ${alt?.length ?? 0}`);
    const url = (b as { image_url?: string }).image_url;
    if (block.type === 'image' && (!url || url.length > 3000 || !/^https?:\/\//.test(url)))
      problems.push(`block ${i}: image_url of ${url?.length ?? 0}`);
    const buttons = [
      (b as { accessory?: unknown }).accessory,
      ...(block.type === 'actions' ? (block.elements ?? []) : []),
    ] as ({ type?: string; text?: { text: string }; value?: string; action_id?: string } | undefined)[];
    for (const el of buttons)
      if (el?.type === 'button') {
        if ((el.text?.text.length ?? 0) > LIMITS.buttonText)
          problems.push(`block ${i}: button text of ${el.text?.text.length}`);
        if ((el.value?.length ?? 0) > 2000) problems.push(`block ${i}: button value of ${el.value?.length}`);
        if ((el.action_id?.length ?? 0) > 255)
          problems.push(`block ${i}: action_id of ${el.action_id?.length}`);
      }
  });
  return problems;
}
