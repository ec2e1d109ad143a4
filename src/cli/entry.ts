// Entry of the bundled server (dist/server/gongkai.mjs) that `npm start` runs.
import { main } from './index.ts';

process.exitCode = await main(process.argv.slice(2));
