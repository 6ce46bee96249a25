declare module '*?raw' {
  const text: string;
  export default text;
}

// Real outside payloads, aliased in vitest.config.ts.
declare module '@shared-data/*.json' {
  const value: Record<string, unknown>;
  export default value;
}
