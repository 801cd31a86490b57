/** Types for scripts/chromium.mjs, which TypeScript tests and benchmarks import. */
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
