// Human rendering of what servers return: content blocks, resource contents, prompt messages.
import type { Output } from './output.js';

type Block = Record<string, unknown>;

/** One content block as text: text as it is, binary as a one-line description. */
export function renderBlock(block: Block): string {
  switch (block['type']) {
    case 'text':
      return String(block['text']);
    case 'image':
    case 'audio':
      return `[${String(block['type'])} ${String(block['mimeType'])}, ${base64Bytes(block['data'])} bytes]`;
    case 'resource_link':
      return `[link ${String(block['uri'])}${typeof block['name'] === 'string' ? ` (${block['name']})` : ''}]`;
    case 'resource':
      return renderContents(block['resource'] as Block);
    default:
      return JSON.stringify(block);
  }
}

/** One resource contents entry: its text, or a description of its blob. */
export function renderContents(contents: Block): string {
  if (typeof contents['text'] === 'string') return contents['text'];
  const mime = typeof contents['mimeType'] === 'string' ? `${contents['mimeType']}, ` : '';
  return `[blob ${String(contents['uri'])}: ${mime}${base64Bytes(contents['blob'])} bytes]`;
}

export function renderContentList(output: Output, content: unknown): void {
  for (const block of Array.isArray(content) ? (content as Block[]) : [])
    output.line(renderBlock(block));
}

export function renderMessages(output: Output, messages: unknown): void {
  for (const message of Array.isArray(messages) ? (messages as Block[]) : []) {
    const content = message['content'];
    const blocks = Array.isArray(content) ? (content as Block[]) : [content as Block];
    output.line(`${String(message['role'])}: ${blocks.map(renderBlock).join('\n')}`);
  }
}

function base64Bytes(data: unknown): number {
  if (typeof data !== 'string') return 0;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}
