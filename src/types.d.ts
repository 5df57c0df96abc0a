declare module 'js-yaml' {
  const jsyaml: {
    load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
    CORE_SCHEMA: unknown;
  };
  export default jsyaml;
}
