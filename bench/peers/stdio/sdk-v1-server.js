// @ts-check
// The official SDK v1's benchmark server on its own stdio transport (legacy era only).
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from '../sdk-v1.js';

await createServer().connect(new StdioServerTransport());
