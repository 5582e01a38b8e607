// Pins the hand-written types of src/spec/types to each revision's schema.json: declarations are
// generated from the schema at test time and every `$defs` name must be mutually assignable.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC = resolve(ROOT, '../shared/spec');
const TYPES_INDEX = resolve(ROOT, 'src/spec/types/index.ts');

type Revision = '2024-11-05' | '2025-03-26' | '2025-06-18' | '2025-11-25' | '2026-07-28';

/** The revisions whose every definition is checked, and the prefix of our name for each. */
const FULLY_CHECKED: readonly { revision: Revision; legacyPrefix: boolean }[] = [
  { revision: '2026-07-28', legacyPrefix: false },
  { revision: '2025-11-25', legacyPrefix: true },
];

/**
 * Definitions deliberately not compared, with the reason. Keep this short: a name belongs here
 * only when no TypeScript type can match the generated one.
 */
const EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '2026-07-28': {},
  '2025-11-25': {},
};

/**
 * Shapes of the older revisions that users meet and that have their own names in mcpkit (the rest
 * of those revisions is covered by the 2025-11-25 types, whose extra members are optional).
 * `ours` is a type expression over `Ours`; `theirs` over the generated module.
 */
const OLDER_SHAPES: readonly { revision: Revision; ours: string; theirs: string }[] = [
  { revision: '2024-11-05', ours: 'Ours.Annotated', theirs: 'Annotated' },
  { revision: '2024-11-05', ours: 'Ours.ResourceReference', theirs: 'ResourceReference' },
  { revision: '2025-03-26', ours: 'Ours.ResourceReference', theirs: 'ResourceReference' },
  { revision: '2024-11-05', ours: 'Ours.JSONRPCError', theirs: 'JSONRPCError' },
  { revision: '2025-03-26', ours: 'Ours.JSONRPCError', theirs: 'JSONRPCError' },
  { revision: '2025-06-18', ours: 'Ours.JSONRPCError', theirs: 'JSONRPCError' },
  { revision: '2025-03-26', ours: 'Ours.JSONRPCBatchRequest', theirs: 'JSONRPCBatchRequest' },
  { revision: '2025-03-26', ours: 'Ours.JSONRPCBatchResponse', theirs: 'JSONRPCBatchResponse' },
  { revision: '2025-06-18', ours: 'Ours.LegacyTitledEnumSchema', theirs: 'EnumSchema' },
  {
    revision: '2024-11-05',
    ours: "Ours.ContentBlockIn<'2024-11-05'>",
    theirs: "CallToolResult['content'][number]",
  },
  {
    revision: '2025-03-26',
    ours: "Ours.ContentBlockIn<'2025-03-26'>",
    theirs: "CallToolResult['content'][number]",
  },
  { revision: '2025-06-18', ours: "Ours.ContentBlockIn<'2025-06-18'>", theirs: 'ContentBlock' },
];

/** Our name for a schema definition of `revision`. */
function oursFor(name: string, legacyPrefix: boolean, exported: ReadonlySet<string>): string {
  return legacyPrefix && exported.has(`Legacy${name}`) ? `Legacy${name}` : name;
}

type SchemaNode = { [key: string]: unknown };

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Removes every `description` keyword (never a property that happens to be named so). The
 * generator turns a schema holding nothing but a description (meaning "any value") into an
 * object type; without it, it correctly yields `unknown`.
 */
function stripDescriptions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) stripDescriptions(item);
    return;
  }
  if (!isNode(node)) return;
  delete node['description'];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'properties' || keyword === '$defs' || keyword === 'definitions') {
      if (isNode(value)) for (const child of Object.values(value)) stripDescriptions(child);
    } else {
      stripDescriptions(value);
    }
  }
}

/**
 * Repairs what schema.json lost when it was generated from the spec's TypeScript source (the
 * schema.mdx reference pages show the source shapes). Each repair is one line of reason.
 */
function repairSchema(revision: Revision, defs: Record<string, SchemaNode>): void {
  if (revision !== '2026-07-28') return;
  // The `_meta` objects are `[key: string]: unknown` maps in the source; the generator dropped
  // the index signature, which would forbid custom `_meta` keys.
  for (const name of [
    'MetaObject',
    'RequestMetaObject',
    'NotificationMetaObject',
    'ResultMetaObject',
    'SubscriptionsListenResultMetaObject',
  ]) {
    const def = defs[name];
    if (def === undefined) throw new Error(`schema has no ${name} to repair`);
    def['additionalProperties'] ??= {};
  }
  // JSONValue includes `null` in the source (and in JSON); the generator dropped it.
  const scalar = (defs['JSONValue']?.['anyOf'] as SchemaNode[] | undefined)?.find((branch) =>
    Array.isArray(branch['type']),
  );
  if (scalar === undefined) throw new Error('schema JSONValue has no scalar branch to repair');
  (scalar['type'] as string[]).push('null');
}

/** The definitions of a revision, and the keyword holding them (older schemas say `definitions`). */
function loadDefs(revision: Revision): { keyword: string; defs: Record<string, SchemaNode> } {
  const schema = JSON.parse(
    readFileSync(join(SPEC, revision, 'schema.json'), 'utf8'),
  ) as SchemaNode;
  const keyword = '$defs' in schema ? '$defs' : 'definitions';
  return { keyword, defs: schema[keyword] as Record<string, SchemaNode> };
}

/**
 * Definitions that are nothing but a `$ref` to another (e.g. `EmptyResult`), mapped to their
 * target: the generator emits no declaration for them, so they are compared through the target.
 */
function aliasTargets(defs: Record<string, SchemaNode>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) {
    const ref = def['$ref'];
    if (Object.keys(def).length === 1 && typeof ref === 'string') {
      aliases.set(name, ref.slice(ref.lastIndexOf('/') + 1));
    }
  }
  return aliases;
}

async function generate(
  revision: Revision,
): Promise<{ source: string; names: string[]; aliases: Map<string, string> }> {
  const { keyword, defs: original } = loadDefs(revision);
  const defs = structuredClone(original);
  const names = Object.keys(defs).sort();
  stripDescriptions(defs);
  repairSchema(revision, defs);
  const aliases = aliasTargets(defs);
  const root: JSONSchema = {
    title: 'GeneratedSchemaRoot',
    type: 'object',
    properties: {},
    additionalProperties: false,
    [keyword]: defs,
  };
  const source = await compile(root, 'GeneratedSchemaRoot', {
    bannerComment: '',
    unreachableDefinitions: true,
    // An object schema without `additionalProperties` is an interface without an index signature,
    // as in the spec's TypeScript source.
    additionalProperties: false,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    format: false,
  });
  return { source, names, aliases };
}

/** Names a module exports, read from its export declarations. */
function exportedNames(file: string): Set<string> {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) names.add(element.name.text);
  }
  return names;
}

/** Declared top-level type names of a generated module. */
function declaredNames(source: string): Set<string> {
  const sourceFile = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.Latest);
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      names.add(statement.name.text);
    }
  }
  return names;
}

function moduleName(revision: Revision): string {
  return `gen-${revision}`;
}

/**
 * Type helpers of the checker file. Assignability alone lets an optional member be dropped or
 * renamed, so the member names are compared too: `MemberPaths` lists every member path (`a.b`,
 * `a.[]`, `a.*` for an index signature) down to a fixed depth, through unions and arrays. It
 * does not look inside `_meta`: an open map in every revision, whose reserved keys are pinned
 * where the schema names them (`RequestMetaObject` and its siblings).
 */
const CHECKER_PRELUDE = `
type Depth = [unknown, unknown, unknown, unknown, unknown];
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown;
} & string;
type IndexValue<T> = T extends { [key: string]: infer V } ? V : never;
type MemberPaths<T, D extends unknown[] = []> = D['length'] extends Depth['length']
  ? never
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? never
  : T extends readonly (infer E)[]
    ? '[]' | \`[].\${MemberPaths<E, [...D, unknown]>}\`
    : T extends object
      ?
          | { [K in KnownKeys<T>]-?: K | (K extends '_meta' ? never : \`\${K}.\${MemberPaths<NonNullable<T[K]>, [...D, unknown]>}\`) }[KnownKeys<T>]
          | (string extends keyof T ? '*' | \`*.\${MemberPaths<IndexValue<T>, [...D, unknown]>}\` : never)
      : never;
type SameMembers<A, B> = [Exclude<MemberPaths<A>, MemberPaths<B>>, Exclude<MemberPaths<B>, MemberPaths<A>>] extends [never, never]
  ? true
  : { onlyInOurs: Exclude<MemberPaths<A>, MemberPaths<B>>; onlyInSchema: Exclude<MemberPaths<B>, MemberPaths<A>> };
`;

/**
 * The checks of one definition, one line each (the label ends the line, for the report):
 * assigning each way makes the compiler explain any mismatch of types; `SameMembers` catches a
 * dropped or renamed optional member, which assignability allows.
 */
function checkLines(label: string, ours: string, theirs: string, members: boolean): string[] {
  const id = label.replace(/[^A-Za-z0-9]/g, '_');
  const lines = [
    `export function assignable_${id}(ours: ${ours}, theirs: ${theirs}): [${theirs}, ${ours}] { return [ours, theirs]; } // ${label}`,
  ];
  if (members) {
    lines.push(`export const members_${id}: SameMembers<${ours}, ${theirs}> = true; // ${label}`);
  }
  return lines;
}

/**
 * Examples with a member their type does not define, with the reason. They are still checked,
 * only without the excess-property check.
 */
const EXAMPLES_WITH_EXTRA_MEMBERS: Readonly<Record<string, string>> = {
  'ListRootsRequest/list-roots-request.json':
    'has a JSON-RPC `id`, but a 2026-07-28 input request has no envelope (schema: method, params)',
};

/**
 * A checker that assigns every example of the 2026-07-28 corpus (`examples/<TypeName>/*.json`)
 * to our type of that name, as an object literal: excess-property checks then also catch a
 * member the example uses that our type lacks.
 */
function exampleLines(importPath: string): { lines: string[]; labels: string[] } {
  const root = join(SPEC, '2026-07-28', 'examples');
  const lines = [`import type * as Ours from '${importPath}';`];
  const labels: string[] = [];
  for (const typeName of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, typeName)).sort()) {
      if (!file.endsWith('.json')) continue;
      const json = readFileSync(join(root, typeName, file), 'utf8').replace(/\n/g, ' ');
      const id = `${typeName}_${file}`.replace(/[^A-Za-z0-9]/g, '_');
      const label = `${typeName}/${file}`;
      if (label in EXAMPLES_WITH_EXTRA_MEMBERS) {
        // Through a variable, the literal is no longer fresh: no excess-property check.
        lines.push(`const raw_${id} = ${json} as const; // ${label}`);
        lines.push(`export const example_${id}: Ours.${typeName} = raw_${id}; // ${label}`);
      } else {
        lines.push(`export const example_${id}: Ours.${typeName} = ${json}; // ${label}`);
      }
      labels.push(label);
    }
  }
  return { lines, labels };
}

interface Plan {
  checked: Map<Revision, string[]>;
  schemaNames: Map<Revision, string[]>;
  missingOurs: string[];
  missingGenerated: string[];
  staleExceptions: string[];
  checkerFile: string;
  examplesFile: string;
  exampleLabels: string[];
}

let workDir = '';
let plan: Plan;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'mcpkit-types-'));
  const ours = exportedNames(TYPES_INDEX);
  const revisions = new Set<Revision>([
    ...FULLY_CHECKED.map((entry) => entry.revision),
    ...OLDER_SHAPES.map((entry) => entry.revision),
  ]);
  const generated = new Map<
    Revision,
    { names: string[]; declared: Set<string>; aliases: Map<string, string> }
  >();
  for (const revision of revisions) {
    const { source, names, aliases } = await generate(revision);
    writeFileSync(join(workDir, `${moduleName(revision)}.ts`), source);
    generated.set(revision, { names, declared: declaredNames(source), aliases });
  }

  const importPath = TYPES_INDEX.replace(/\\/g, '/').replace(/\.ts$/, '.js');
  const envelopePath = resolve(ROOT, 'src/spec/jsonrpc.js').replace(/\\/g, '/');
  const lines = [
    `import type * as Ours from '${importPath}';`,
    `import type * as Envelope from '${envelopePath}';`,
    CHECKER_PRELUDE,
    // The layers above move these messages as plain JSON-RPC envelopes: they must fit.
    `export function fitsEnvelope(
      request: Ours.ClientRequest | Ours.LegacyClientRequest | Ours.ServerRequest,
      notification: Ours.ClientNotification | Ours.ServerNotification | Ours.LegacyClientNotification | Ours.LegacyServerNotification,
      result: Ours.ServerResult | Ours.LegacyServerResult | Ours.LegacyClientResult | Ours.InputResponse,
      message: Ours.JSONRPCMessage | Ours.LegacyJSONRPCMessage,
    ): [Envelope.JsonRpcRequest, Envelope.JsonRpcNotification, Envelope.JsonRpcResultResponse['result'], Envelope.JsonRpcMessage] {
      return [request, notification, result, message]; // our message types fit the envelopes of jsonrpc.ts
    }`,
  ];
  for (const revision of revisions) {
    lines.push(
      `import type * as G_${revision.replace(/-/g, '_')} from './${moduleName(revision)}.js';`,
    );
  }
  const checked = new Map<Revision, string[]>();
  const schemaNames = new Map<Revision, string[]>();
  const missingOurs: string[] = [];
  const missingGenerated: string[] = [];
  const staleExceptions: string[] = [];
  for (const { revision, legacyPrefix } of FULLY_CHECKED) {
    const gen = generated.get(revision)!;
    const exceptions = EXCEPTIONS[revision] ?? {};
    const done: string[] = [];
    for (const name of Object.keys(exceptions)) {
      if (!gen.names.includes(name)) staleExceptions.push(`${revision} ${name}`);
    }
    for (const name of gen.names) {
      if (name in exceptions) continue;
      const mine = oursFor(name, legacyPrefix, ours);
      const theirs = gen.aliases.get(name) ?? name;
      if (!ours.has(mine)) missingOurs.push(`${revision} ${name} (looked for ${mine})`);
      if (!gen.declared.has(theirs)) missingGenerated.push(`${revision} ${theirs}`);
      lines.push(
        ...checkLines(
          `${revision} ${name}`,
          `Ours.${mine}`,
          `G_${revision.replace(/-/g, '_')}.${theirs}`,
          true,
        ),
      );
      done.push(name);
    }
    checked.set(revision, done);
    schemaNames.set(revision, gen.names);
  }
  for (const { revision, ours: mine, theirs } of OLDER_SHAPES) {
    const theirsRoot = theirs.split(/[^A-Za-z0-9]/)[0]!;
    if (!generated.get(revision)!.declared.has(theirsRoot)) {
      missingGenerated.push(`${revision} ${theirsRoot}`);
    }
    // Assignability only: our types also know the optional members later revisions added.
    lines.push(
      ...checkLines(
        `${revision} ${theirs} as ${mine}`,
        mine,
        `G_${revision.replace(/-/g, '_')}.${theirs}`,
        false,
      ),
    );
  }
  const checkerFile = join(workDir, 'check.ts');
  writeFileSync(checkerFile, `${lines.join('\n')}\n`);
  const examples = exampleLines(importPath);
  const examplesFile = join(workDir, 'examples.ts');
  writeFileSync(examplesFile, `${examples.lines.join('\n')}\n`);
  plan = {
    checked,
    schemaNames,
    missingOurs,
    missingGenerated,
    staleExceptions,
    checkerFile,
    examplesFile,
    exampleLabels: examples.labels,
  };
}, 60_000);

afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const text = diagnostic.file.text.split('\n')[line] ?? '';
      const label = text.includes('// ') ? text.slice(text.lastIndexOf('// ') + 3) : '';
      return `${label || `${diagnostic.file.fileName}:${line + 1}`}\n  ${message.replace(/\n/g, '\n  ')}`;
    })
    .join('\n\n');
}

/** Type-checks one file the way the project compiles its own code. */
function diagnosticsOf(file: string): readonly ts.Diagnostic[] {
  const program = ts.createProgram([file], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program);
}

describe('src/spec/types against schema.json', () => {
  it('covers every definition of each fully checked revision, or names a reason', () => {
    for (const { revision } of FULLY_CHECKED) {
      const covered = new Set([
        ...plan.checked.get(revision)!,
        ...Object.keys(EXCEPTIONS[revision] ?? {}),
      ]);
      expect([...covered].sort()).toEqual(plan.schemaNames.get(revision));
    }
    expect(plan.staleExceptions).toEqual([]);
  });

  it('exports a type for every schema definition', () => {
    expect(plan.missingOurs).toEqual([]);
  });

  it('finds every definition in the generated declarations', () => {
    expect(plan.missingGenerated).toEqual([]);
  });

  it('matches every definition in both directions of assignability, member for member', () => {
    const diagnostics = diagnosticsOf(plan.checkerFile);
    expect(diagnostics.length, formatDiagnostics(diagnostics)).toBe(0);
  });

  it('accepts every example of the 2026-07-28 corpus as a literal of its type', () => {
    expect(plan.exampleLabels.length).toBeGreaterThan(100);
    const stale = Object.keys(EXAMPLES_WITH_EXTRA_MEMBERS).filter(
      (label) => !plan.exampleLabels.includes(label),
    );
    expect(stale).toEqual([]);
    const diagnostics = diagnosticsOf(plan.examplesFile);
    expect(diagnostics.length, formatDiagnostics(diagnostics)).toBe(0);
  });
});
