// Human output: aligned plain tables, headings, and colour only on a TTY without NO_COLOR.
// Machine output (`--json`) is one JSON document on stdout.

export interface Output {
  readonly json: boolean;
  line(text?: string): void;
  heading(text: string): void;
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void;
  field(name: string, value: string): void;
  document(value: unknown): void;
  /** Diagnostics and progress: always stderr, so stdout stays clean for pipes. */
  note(text: string): void;
}

export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

export function createOutput(json: boolean, colour: boolean): Output {
  const bold = (text: string) => (colour ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string) => (colour ? `\u001b[2m${text}\u001b[22m` : text);
  const write = (text: string) => process.stdout.write(`${text}\n`);
  return {
    json,
    line: (text = '') => write(text),
    heading: (text) => write(`\n${bold(text)}`),
    field: (name, value) => write(`${dim(`${name}:`)} ${value}`),
    table(headers, rows) {
      if (rows.length === 0) {
        write(dim('  (none)'));
        return;
      }
      const widths = headers.map((header, column) =>
        Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
      );
      const format = (cells: readonly string[]) =>
        cells
          .map((cell, column) =>
            column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
          )
          .join('  ')
          .trimEnd();
      write(`  ${bold(format(headers))}`);
      for (const row of rows) write(`  ${format(row.map((cell) => oneLine(cell)))}`);
    },
    document: (value) => write(JSON.stringify(value, null, 2)),
    note: (text) => process.stderr.write(`${text}\n`),
  };
}

/** Keeps a table row on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** `{ a: string, b?: number }`-style summary of a JSON Schema object's properties. */
export function summariseSchema(schema: unknown): string {
  if (schema === null || typeof schema !== 'object') return '';
  const properties = (schema as { properties?: unknown }).properties;
  const required = (schema as { required?: unknown }).required;
  const needed = new Set(Array.isArray(required) ? required.map(String) : []);
  if (properties === null || typeof properties !== 'object') return '{}';
  const parts = Object.entries(properties as Record<string, unknown>).map(
    ([name, property]) => `${name}${needed.has(name) ? '' : '?'}: ${typeName(property)}`,
  );
  return `{ ${parts.join(', ')} }`.replace('{  }', '{}');
}

function typeName(property: unknown): string {
  if (property === null || typeof property !== 'object') return 'any';
  const record = property as Record<string, unknown>;
  if (Array.isArray(record['enum']))
    return record['enum'].map((value) => JSON.stringify(value)).join('|');
  if (Array.isArray(record['type'])) return record['type'].map(String).join('|');
  if (typeof record['type'] === 'string') {
    if (record['type'] === 'array') return `${typeName(record['items'])}[]`;
    return record['type'];
  }
  return 'any';
}
