/** The shape of one batch's writes, shared by the features that build them and the one that sends them. */
import type { SQL } from 'drizzle-orm';

/** A data-modifying statement (insert, update or delete); `returnsIds` ones end in `returning <id>`. */
export type Write = { sql: SQL; returnsIds?: boolean };
