/** The compiled server `npm start` runs. */
export declare const SERVER_BUNDLE: string;
/** Compiles server/main.ts into SERVER_BUNDLE when missing or stale; resolves to its path. */
export declare function buildServerIfStale(): Promise<string>;
