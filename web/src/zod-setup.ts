/**
 * The server's Content-Security-Policy forbids eval; zod would otherwise probe for it with
 * `Function('')` (a CSP violation in the console) to compile its object parsers. Imported first by
 * main.tsx so it runs before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
