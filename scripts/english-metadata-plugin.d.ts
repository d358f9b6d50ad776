/** Types for the webpack plugin that writes functions.en-US.json (see english-metadata-plugin.js). */
export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; [k: string]: unknown }[];
  [k: string]: unknown;
}
export declare function translate<T extends { functions: FunctionMetadata[] }>(
  meta: T,
  texts: Record<string, { description: string; parameters?: Record<string, string> }>,
): T;
export declare class EnglishMetadataPlugin {
  constructor(options: { input: string; output: string });
  apply(compiler: unknown): void;
}
