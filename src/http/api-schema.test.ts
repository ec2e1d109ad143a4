import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, generateApiSchema } from '../../scripts/api-schema.ts';

/** The admin app is typed from the committed web/src/lib/api-schema.d.ts: it must be what the server documents now. */
describe('the generated API types', () => {
  it('match the server\'s current OpenAPI document (run `npm run gen:api` after changing a route)', async () => {
    const committed = fs.readFileSync(API_SCHEMA_FILE, 'utf8');
    const current = await generateApiSchema();
    if (committed !== current) {
      const a = committed.split('\n');
      const b = current.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(`web/src/lib/api-schema.d.ts is out of date from line ${line + 1} (committed: ${JSON.stringify(a[line])}, now: ${JSON.stringify(b[line])}); run npm run gen:api`);
    }
  });
});
