// @ts-check
// What the conformance client answers in place of a user and a model: tool arguments and
// elicited form content derived from the JSON Schema the server sent, a canned sampling answer.

/** @typedef {Record<string, unknown>} JsonObject */

/** @param {unknown} value @returns {value is JsonObject} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema's single type, the first one when it lists several. @param {JsonObject} schema */
function typeOf(schema) {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((entry) => entry !== 'null');
  if (isObject(schema['properties'])) return 'object';
  return undefined;
}

/** A string that satisfies the common formats and the length bounds. @param {JsonObject} schema */
function placeholderString(schema) {
  const byFormat = /** @type {Record<string, string>} */ ({
    email: 'user@example.com',
    uri: 'https://example.com/',
    'uri-reference': 'https://example.com/',
    url: 'https://example.com/',
    date: '2025-01-01',
    'date-time': '2025-01-01T00:00:00Z',
    time: '00:00:00Z',
    uuid: '00000000-0000-4000-8000-000000000000',
  });
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  let text = (format !== undefined ? byFormat[format] : undefined) ?? 'example';
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (text.length < minLength) text = text.padEnd(minLength, 'x');
  if (text.length > maxLength) text = text.slice(0, maxLength);
  return text;
}

/** A number within the schema's bounds. @param {JsonObject} schema */
function placeholderNumber(schema) {
  for (const bound of ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum']) {
    const value = schema[bound];
    if (typeof value !== 'number') continue;
    if (bound === 'exclusiveMinimum') return value + 1;
    if (bound === 'exclusiveMaximum') return value - 1;
    return value;
  }
  return 1;
}

/**
 * A value the schema accepts: its default, its constant, its first choice, or a typed
 * placeholder. `undefined` when nothing sensible can be made (the caller leaves the field out).
 * @param {unknown} schema
 * @param {number} depth
 * @returns {unknown}
 */
export function valueFor(schema, depth = 0) {
  if (!isObject(schema) || depth > 8) return undefined;
  if ('default' in schema) return schema['default'];
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  for (const key of ['oneOf', 'anyOf']) {
    const choices = schema[key];
    if (Array.isArray(choices) && choices.length > 0) return valueFor(choices[0], depth + 1);
  }
  switch (typeOf(schema)) {
    case 'string':
      return placeholderString(schema);
    case 'integer':
      return Math.ceil(placeholderNumber(schema));
    case 'number':
      return placeholderNumber(schema);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const item = valueFor(schema['items'], depth + 1);
      return item === undefined ? [] : Array.from({ length: minItems }, () => item);
    }
    case 'object':
      return objectFor(schema, depth + 1);
    default:
      return undefined;
  }
}

/**
 * An object for an object schema: every property that has a default, and a value for every
 * required one. Optional properties without a default stay out, as a user would leave them.
 * @param {unknown} schema
 * @param {number} depth
 * @returns {JsonObject}
 */
export function objectFor(schema, depth = 0) {
  /** @type {JsonObject} */
  const out = {};
  if (!isObject(schema)) return out;
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  for (const [name, property] of Object.entries(properties)) {
    const wanted = required.includes(name) || (isObject(property) && 'default' in property);
    if (!wanted) continue;
    const value = valueFor(property, depth);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Prompt arguments: a placeholder for each required one. @param {unknown} declared */
export function promptArgumentsFor(declared) {
  /** @type {Record<string, string>} */
  const out = {};
  if (!Array.isArray(declared)) return out;
  for (const argument of declared) {
    if (isObject(argument) && argument['required'] === true && typeof argument['name'] === 'string')
      out[argument['name']] = 'example';
  }
  return out;
}

/**
 * The host's handlers: accept every form with the values its schema suggests (SEP-1034: the
 * defaults), decline URL elicitation (nothing here can open a browser), and answer sampling with
 * a fixed text.
 * @returns {import('mcpkit/client').ClientHandlers}
 */
export function conformanceHandlers() {
  return {
    elicit: (params) => {
      if (params.mode === 'url') return { action: 'decline' };
      const content = objectFor(params.requestedSchema);
      log(`elicitation "${params.message}" → accept ${JSON.stringify(content)}`);
      return {
        action: 'accept',
        content: /** @type {Record<string, string | number | boolean | string[]>} */ (content),
      };
    },
    sample: (params) => {
      log(`sampling with ${params.messages.length} message(s) → a fixed answer`);
      return {
        role: 'assistant',
        content: { type: 'text', text: 'A sampled answer from the mcpkit conformance client.' },
        model: 'mcpkit-conformance',
        stopReason: 'endTurn',
      };
    },
    listRoots: () => ({ roots: [{ uri: 'file:///conformance', name: 'conformance' }] }),
  };
}

/** Progress goes to stderr: the referee keeps it beside the verdicts. @param {string} line */
export function log(line) {
  console.error(`[mcpkit conformance client] ${line}`);
}
