// Public entry `mcpkit`: everything runtime-neutral, by name. Each subpath index lists its own
// names explicitly; this file joins them (a name exported twice is a compile error here).
export * from './spec/index.js';
export * from './jsonrpc/index.js';
export * from './transport/index.js';
