import { buildPgliteTemplate } from './test-db.ts';

export default async function setup() {
  await buildPgliteTemplate();
}
