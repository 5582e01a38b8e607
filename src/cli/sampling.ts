// Sampling requests reaching the `mcpkit` command: there is no model behind it, so each request
// is shown on stderr (what the server wanted to ask) and refused, rather than left unanswered.
import type { ClientHandlers } from '../client/index.js';
import { ProtocolError } from '../jsonrpc/index.js';

type SampleHandler = NonNullable<ClientHandlers['sample']>;

/** The code and message the sampling page uses for a request the user rejected. */
const REJECTED = -1;

/** Characters of each message shown; the rest is elided. */
const SHOWN = 200;

export const refuseSampling: SampleHandler = (params) => {
  process.stderr.write('The server asked the model (refused: mcpkit has no model to ask):\n');
  for (const message of params.messages) {
    const blocks = Array.isArray(message.content) ? message.content : [message.content];
    const text = blocks
      .map((block) => (block.type === 'text' ? block.text : `[${block.type}]`))
      .join(' ');
    const shown = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
    process.stderr.write(`  ${message.role}: ${shown}\n`);
  }
  throw new ProtocolError(REJECTED, 'User rejected sampling request');
};
