// How the server bundle (dist/server/gongkai.mjs) is built; scripts/build.mjs builds it, and a test
// (src/portal/production-bundle.test.ts) checks that it carries React's production build.
//
// Dependencies stay in node_modules (packages external) except React: its entry files choose the
// development or the production build by process.env.NODE_ENV when first required, and `npm start`
// sets no NODE_ENV — nor could the bundle set it in time, as an ES module's imports are evaluated
// before its own code. So react and react-dom are bundled with NODE_ENV defined as "production":
// the choice is made here, at build time, and the development build is not in the bundle at all.

/** Packages bundled into the server; everything else is imported from node_modules at run time. */
export const BUNDLED_PACKAGES = ['react', 'react-dom', 'scheduler'];

const bundledOrExternal = {
  name: 'externals-except-react',
  setup(build) {
    // Bare specifiers (packages), not relative or absolute paths nor node: builtins.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** esbuild options of the server bundle; `outfile` is where it goes. */
export function serverBundleOptions(outfile) {
  return {
    entryPoints: ['src/cli/entry.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [bundledOrExternal],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // React's CommonJS files require Node's built-ins (util, crypto, stream, async_hooks); an ES
    // module has no `require` of its own.
    banner: { js: "import { createRequire as __gongkaiCreateRequire } from 'node:module';\nconst require = __gongkaiCreateRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  };
}
