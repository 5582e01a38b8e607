// @ts-check
// The raw limit of the stdio suite: a child that writes every stdin line back unchanged, so the
// figures measure the pipes, the process hop and the driver, with no protocol work at all.
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (/** @type {string} */ chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = /** @type {string} */ (lines.pop());
  for (const line of lines) process.stdout.write(`${line}\n`);
});
