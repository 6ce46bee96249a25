import ForgeReconciler from '@forge/react';
import type { ReactElement } from 'react';
import { onBridgeCall } from '../test-support/forge-bridge.js';

/** A UI Kit element as the reconciler hands it to Jira (@forge/react's reconciler.d.ts ForgeDoc). */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key: string;
}

/**
 * Renders UI Kit components as Jira would receive them: @forge/react's own reconciler builds the ForgeDoc tree and
 * hands it to the bridge (`self.__bridge.callBridge('reconcile', { forgeDoc })`); outside Forge the stand-in bridge
 * (test-support/forge-bridge.ts, as @forge/react's own tests do) keeps the last tree. What Jira's frontend draws from that tree (Atlaskit)
 * is not available offline.
 */
export function renderForgeDoc(element: ReactElement) {
  let last: ForgeDoc | null = null;
  let handlers: ForgeDoc | null = null;
  const calls: string[] = [];
  onBridgeCall(async (cmd, data) => {
    calls.push(cmd);
    const doc = (data as { forgeDoc?: ForgeDoc } | undefined)?.forgeDoc;
    if (doc) {
      handlers = doc;
      last = JSON.parse(JSON.stringify(doc)) as ForgeDoc;
    }
    return undefined;
  });
  // @forge/react is CommonJS with `exports.default`: vite hands over the default, node's own loader the module.
  const reconciler =
    (ForgeReconciler as unknown as { default?: typeof ForgeReconciler }).default ?? ForgeReconciler;
  reconciler.render(element);
  return {
    calls,
    /** The latest tree once `ready` holds of it (the components load asynchronously). */
    async until(ready: (doc: ForgeDoc) => boolean, ms = 2_000): Promise<ForgeDoc> {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (last && ready(last)) return last;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`the tree never got there; last: ${JSON.stringify(last)?.slice(0, 2_000)}`);
    },
    /** The live tree (with its event handlers), to press a button. */
    live: () => handlers,
  };
}

/** Every element of a type in a tree. */
export function findAll(doc: ForgeDoc, type: string): ForgeDoc[] {
  return [...(doc.type === type ? [doc] : []), ...doc.children.flatMap((c) => findAll(c, type))];
}

/** The text of a tree, in order (UI Kit's String elements). */
export function textOf(doc: ForgeDoc): string {
  if (doc.type === 'String') return String(doc.props.text ?? '');
  return doc.children.map(textOf).join('');
}
