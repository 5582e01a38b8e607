// `mcpkit call`, `read`, `prompt` and `complete`: one request each, printed for people or as JSON.
import { parseJsonObject, parseKeyValues, stringOption } from './arguments.js';
import type { ParsedCommandLine } from './arguments.js';
import { ExitCode, usageError } from './cli-error.js';
import type { Output } from './output.js';
import { renderContentList, renderContents, renderMessages } from './render.js';
import type { Session } from './session.js';

export async function runCall(
  session: Session,
  parsed: ParsedCommandLine,
  output: Output,
): Promise<ExitCode> {
  const [tool, ...pairs] = session.rest;
  if (tool === undefined) throw usageError('call needs a tool name');
  const raw = stringOption(parsed.values, 'args');
  const args = {
    ...(raw === undefined ? {} : parseJsonObject(raw, '--args')),
    ...parseKeyValues(pairs, true),
  };
  const logs = session.client.onLogMessage((message) =>
    output.note(
      `log ${message.level}${message.logger === undefined ? '' : ` ${message.logger}`}: ${JSON.stringify(message.data)}`,
    ),
  );
  try {
    // Log messages are worth seeing while a tool runs; they go to stderr with the progress.
    if (session.client.serverCapabilities.logging !== undefined)
      await session.client.setLogLevel('info');
    const result = await session.client.callTool(tool, args, session.call);
    if (output.json) output.document(result);
    else {
      renderContentList(output, result.content);
      if (result.structuredContent !== undefined && result.content.length === 0)
        output.line(JSON.stringify(result.structuredContent, null, 2));
    }
    if (result.isError === true) {
      output.note(`error: tool "${tool}" reported an error`);
      return ExitCode.ToolError;
    }
    return ExitCode.Success;
  } finally {
    logs.dispose();
  }
}

export async function runRead(session: Session, output: Output): Promise<ExitCode> {
  const [uri, extra] = session.rest;
  if (uri === undefined || extra !== undefined)
    throw usageError('read needs exactly one resource URI');
  const result = await session.client.readResource(uri, session.call);
  if (output.json) output.document(result);
  else for (const contents of result.contents) output.line(renderContents(contents));
  return ExitCode.Success;
}

export async function runPrompt(session: Session, output: Output): Promise<ExitCode> {
  const [name, ...pairs] = session.rest;
  if (name === undefined) throw usageError('prompt needs a prompt name');
  const args = parseKeyValues(pairs, false) as Record<string, string>;
  const result = await session.client.getPrompt(name, args, session.call);
  if (output.json) output.document(result);
  else {
    if (result.description !== undefined) output.field('description', result.description);
    renderMessages(output, result.messages);
  }
  return ExitCode.Success;
}

export async function runComplete(
  session: Session,
  parsed: ParsedCommandLine,
  output: Output,
): Promise<ExitCode> {
  const prompt = stringOption(parsed.values, 'prompt');
  const template = stringOption(parsed.values, 'template');
  if ((prompt === undefined) === (template === undefined))
    throw usageError('complete needs exactly one of --prompt <name> or --template <uriTemplate>');
  const [argument, value, extra] = session.rest;
  if (argument === undefined || extra !== undefined)
    throw usageError('complete needs <argument> and an optional <value>');
  const ref =
    prompt !== undefined
      ? { type: 'ref/prompt' as const, name: prompt }
      : { type: 'ref/resource' as const, uri: template ?? '' };
  const completion = await session.client.complete(
    ref,
    { name: argument, value: value ?? '' },
    undefined,
    session.call,
  );
  if (output.json) output.document(completion);
  else {
    for (const candidate of completion.values) output.line(candidate);
    if (
      completion.hasMore === true ||
      (completion.total !== undefined && completion.total > completion.values.length)
    )
      output.note(`(${completion.total ?? 'more'} in all)`);
  }
  return ExitCode.Success;
}
