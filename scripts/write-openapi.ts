// Regenerates docs/openapi.json from the route schemas (`npm run openapi`); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOpenApi } from '../src/app/openapi.js';

const target = path.resolve(import.meta.dirname, '..', 'docs', 'openapi.json');
writeFileSync(target, await renderOpenApi());
console.log(`wrote ${target}`);
