/**
 * The extensions every embedded database is opened with. The migrations create `pg_trgm` (trigram
 * indexes behind text search), so each PGlite instance that opens a Kehu data directory must load it.
 */
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const PGLITE_EXTENSIONS = { pg_trgm };
