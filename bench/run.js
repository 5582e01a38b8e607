// @ts-check
// `npm run bench`: measures mcpkit beside the official SDKs, tmcp and the raw limit in one run,
// prints the markdown tables, and writes every repetition and summary as JSON lines.
//   --quick          one short repetition of everything (CI runs this so the harness never rots)
//   --only a,b       only these suites
//   --update-readme  put the tables into bench/README.md between its result markers
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownTables, summarizeSamples } from './lib/report.js';

/**
 * @typedef {object} SuiteContext
 * @property {boolean} quick
 * @property {number} reps        repetitions; run them interleaved across implementations
 * @property {number} durationMs  measured time of one timed loop
 * @property {number} warmupMs    warm-up before each timed loop
 * @property {(sample: import('./lib/report.js').Sample) => void} record
 * @property {(line: string) => void} log  progress for the person watching (stderr)
 */

const SUITES = ['in-process', 'stdio', 'http', 'memory', 'footprint'];

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'update-readme': { type: 'boolean', default: false },
  },
});
const selected = values.only === undefined ? SUITES : values.only.split(',');
for (const name of selected) {
  if (!SUITES.includes(name))
    throw new Error(`unknown suite "${name}"; known: ${SUITES.join(', ')}`);
}

execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(here, '..'), stdio: 'inherit' });

/** @type {import('./lib/report.js').Sample[]} */
const samples = [];
/** @type {SuiteContext} */
const context = {
  quick: values.quick,
  reps: values.quick ? 1 : 5,
  durationMs: values.quick ? 200 : 2000,
  warmupMs: values.quick ? 50 : 500,
  record: (sample) => samples.push(sample),
  log: (line) => process.stderr.write(`bench: ${line}\n`),
};

const startedAt = new Date();
for (const name of selected) {
  context.log(`suite ${name}`);
  const suite = /** @type {{ run: (context: SuiteContext) => Promise<void> }} */ (
    await import(`./suites/${name}.js`)
  );
  await suite.run(context);
}

const summaries = summarizeSamples(samples);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const heading =
  `Run ${startedAt.toISOString()}${values.quick ? ' (--quick: one short repetition, figures are not meaningful)' : ''}; ` +
  `Node ${process.version}, ${cpus().length} × ${cpu}, ${context.reps} repetitions of ${context.durationMs} ms.`;
const markdown = `${heading}\n\n${markdownTables(summaries)}`;

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replaceAll(':', '-');
const lines = [
  ...samples.map((sample) => JSON.stringify({ type: 'sample', ...sample })),
  ...summaries.map((summary) => JSON.stringify({ type: 'summary', ...summary })),
];
writeFileSync(join(resultsDir, `bench-${stamp}.jsonl`), `${lines.join('\n')}\n`);
writeFileSync(join(resultsDir, 'latest.md'), markdown);
process.stdout.write(markdown);

if (values['update-readme']) {
  const readmePath = join(here, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('bench/README.md has no result markers');
  writeFileSync(
    readmePath,
    `${readme.slice(0, from + start.length)}\n${markdown}\n${readme.slice(to)}`,
  );
  // The tables come out unaligned; the repository's formatter lines them up, as its check expects.
  execFileSync(join(here, '..', 'node_modules', '.bin', 'prettier'), ['--write', readmePath], {
    stdio: 'ignore',
  });
}
context.log(`wrote bench/results/bench-${stamp}.jsonl and bench/results/latest.md`);
