// Outside Jira there is no Forge bridge: @forge/bridge looks for `globalThis.__bridge` when it is imported and
// @forge/react's reconciler sends its tree to `self.__bridge`. This stand-in (a vitest setup file, so it exists before
// either is imported) forwards every call to the handler a test sets with onBridgeCall.
type BridgeCall = (cmd: string, data?: unknown) => Promise<unknown>;

let handler: BridgeCall = async () => undefined;

/** Routes the bridge's calls to `h` (renderForgeDoc sets it per render). */
export function onBridgeCall(h: BridgeCall) {
  handler = h;
}

const g = globalThis as { __bridge?: { callBridge: BridgeCall }; self?: unknown };
g.__bridge = { callBridge: (cmd, data) => handler(cmd, data) };
g.self ??= globalThis;
