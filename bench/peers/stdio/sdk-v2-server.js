// @ts-check
// The official SDK v2's benchmark server wired by hand to its stdio transport, the way a
// legacy-era server is written.
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createServer } from '../sdk-v2.js';

await createServer().connect(new StdioServerTransport());
