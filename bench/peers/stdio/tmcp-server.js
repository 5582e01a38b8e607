// @ts-check
// tmcp's benchmark server on its own stdio transport.
import { StdioTransport } from '@tmcp/transport-stdio';
import { createServer } from '../tmcp.js';

new StdioTransport(createServer()).listen();
