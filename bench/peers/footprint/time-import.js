// @ts-check
// Run in a fresh `node` per measurement: times `await import(<specifier>)` from inside the child
// (process start-up excluded) and prints it, after checking the module exports what it should.
const [specifier, exportName] = process.argv.slice(2);
if (specifier === undefined || exportName === undefined) {
  throw new Error('usage: node time-import.js <specifier> <export name>');
}
const started = performance.now();
const module = /** @type {Record<string, unknown>} */ (await import(specifier));
const importMs = performance.now() - started;
if (typeof module[exportName] !== 'function') {
  throw new Error(`${specifier} does not export a function named ${exportName}`);
}
process.stdout.write(`${JSON.stringify({ importMs })}\n`);
