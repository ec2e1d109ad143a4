#!/usr/bin/env node
// The `gongkai` command. TypeScript sources run through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// React picks its development or production build by NODE_ENV when first loaded; the command (and
// `gongkai serve` from the sources) always runs the production build, as `npm start`'s bundle does.
process.env.NODE_ENV = 'production';
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
