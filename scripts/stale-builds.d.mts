/** The file whose age stands for the whole server build. */
export declare const SERVER_OUTPUT: string;
/** Why the server build (dist/src) is stale, or undefined when it is current. */
export declare function serverStaleReason(): string | undefined;
/** Why the web build (dist/web) is stale, or undefined when it is current. */
export declare function webStaleReason(): string | undefined;
