// Built by src/portal/production-bundle.test.ts with the server bundle's options: prints which
// build of React it runs (captureOwnerStack exists only in the development build) and a rendering.
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const build = typeof (React as Record<string, unknown>).captureOwnerStack === 'function' ? 'development' : 'production';
process.stdout.write(JSON.stringify({ build, html: renderToStaticMarkup(React.createElement('p', null, '政务公开')) }));
