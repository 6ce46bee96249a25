declare module '*?raw' {
  const text: string;
  export default text;
}

// Real outside payloads (../shared/data), aliased as '@shared-data' in the workers-pool vitest configs.
declare module '@shared-data/*.json' {
  const value: Record<string, unknown>;
  export default value;
}
