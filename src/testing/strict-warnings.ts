// Loaded before every test file (vitest setupFiles). A query sent to a PostgreSQL connection that is
// still running one — `Promise.all` over a transaction's single connection — works on pg 8 only
// through a deprecated queue, and pg 9 refuses it: a test that does it fails here, at the warning.
process.on('warning', (warning) => {
  if (/already executing a query/.test(warning.message)) throw warning;
});
