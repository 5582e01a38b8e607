// @ts-check
// mcpkit's benchmark server on its own stdio transport; one process serves both eras.
import { StdioServerTransport } from 'mcpkit/node';
import { createServer } from '../mcpkit.js';

await createServer().connect(new StdioServerTransport());
