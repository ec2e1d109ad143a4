// `npm run gen:api`: writes web/src/lib/api-schema.d.ts from the server's OpenAPI document.
import fs from 'node:fs';
import { API_SCHEMA_FILE, generateApiSchema } from './api-schema.ts';

const text = await generateApiSchema();
const before = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : '';
fs.writeFileSync(API_SCHEMA_FILE, text);
console.log(`${API_SCHEMA_FILE}: ${before === text ? 'unchanged' : 'written'} (${text.split('\n').length} lines)`);
