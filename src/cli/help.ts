// The `--help` text of each command, with examples.

const TARGET = `Targets:
  http(s)://host/path          a Streamable HTTP endpoint (legacy HTTP+SSE is detected too)
  NAME --config FILE           a server from an MCP client config ({"mcpServers": {...}})
  -- COMMAND [ARGS...]         a server spawned over stdio (everything after -- is the command)

Client options:
  --json                       machine-readable JSON on stdout
  --header 'Name: value'       an HTTP header (repeatable)
  --timeout MS                 request timeout in milliseconds
  --config FILE                the config file that names servers
  -v, --verbose                print JSON-RPC traffic and stack traces to stderr
  -h, --help                   this help`;

const LISTEN = `HTTP options:
  --allow-host NAME            a Host header value to accept besides loopback names (repeatable;
                               needed when listening beyond 127.0.0.1, with authentication in front)
  --allow-origin ORIGIN        a browser Origin to accept (repeatable)`;

const EXIT = `Exit codes: 0 success, 1 the tool returned isError, 2 usage error, 3 connection or protocol
error (a JSON-RPC error such as an unknown tool, -32602, counts as a protocol error).`;

export const HELP: Record<string, string> = {
  main: `mcpkit: talk to MCP servers from the command line, or serve one.

Usage: mcpkit <command> [options]

Commands:
  inspect <target>                         what a server is and everything it offers
  discover <target>                        era, protocol version, server info, capabilities
  call <target> <tool> [key=value...]      call a tool (values are JSON when they parse)
  read <target> <uri>                      read a resource
  prompt <target> <name> [key=value...]    get a prompt
  complete <target> --prompt NAME | --template URI <argument> [value]
  demo [--http [host:]port]                serve the built-in demo server
  serve <module> [--http [host:]port]      serve a module's default-exported McpServer
  proxy --http-to-stdio <url>              serve a remote HTTP server as a local stdio server
  proxy --stdio-to-http [host:]port -- COMMAND [ARGS...]
                                           serve a local stdio server over Streamable HTTP

Run 'mcpkit <command> --help' for details.

${EXIT}`,
  inspect: `Usage: mcpkit inspect <target> [options]

Prints the era and negotiated version, server info, instructions, capabilities, every tool with
its input schema summarised, resources, resource templates and prompts.

Examples:
  mcpkit inspect -- node dist/cli/main.js demo
  mcpkit inspect http://127.0.0.1:3000/mcp --header 'Authorization: Bearer TOKEN'
  mcpkit inspect weather --config ~/.config/claude/claude_desktop_config.json --json

${TARGET}

${EXIT}`,
  discover: `Usage: mcpkit discover <target> [options]

Prints what the connection established: era, protocol version, supported versions (modern
servers), server info, capabilities and instructions.

Examples:
  mcpkit discover http://127.0.0.1:3000/mcp
  mcpkit discover --json -- node server.js

${TARGET}

${EXIT}`,
  call: `Usage: mcpkit call <target> <tool> [key=value...] [--args '{...}'] [options]

Calls a tool and prints its content. Each value is parsed as JSON when it can be (n=3 is a
number, flag=true a boolean, text=hello a string); --args gives the arguments as one JSON
object (key=value pairs win over it). Progress goes to stderr. When the server asks the user
a question, you are asked on a terminal; without one the question is declined. Sampling is
not offered.

Examples:
  mcpkit call http://127.0.0.1:3000/mcp add a=1 b=2
  mcpkit call echo text=hello -- node dist/cli/main.js demo
  mcpkit call http://127.0.0.1:3000/mcp add --args '{"a":1,"b":2}' --json

${TARGET}

${EXIT}`,
  read: `Usage: mcpkit read <target> <uri> [options]

Reads a resource and prints its text (binary contents are described).

Examples:
  mcpkit read http://127.0.0.1:3000/mcp demo://readme
  mcpkit read demo://colour/red -- node dist/cli/main.js demo

${TARGET}

${EXIT}`,
  prompt: `Usage: mcpkit prompt <target> <name> [key=value...] [options]

Gets a prompt and prints its messages. Values are passed as strings.

Examples:
  mcpkit prompt http://127.0.0.1:3000/mcp describe_colour colour=red
  mcpkit prompt greeting -- node dist/cli/main.js demo

${TARGET}

${EXIT}`,
  complete: `Usage: mcpkit complete <target> (--prompt NAME | --template URI_TEMPLATE) <argument> [value] [options]

Asks the server to complete an argument of a prompt or of a resource template.

Examples:
  mcpkit complete http://127.0.0.1:3000/mcp --prompt describe_colour colour r
  mcpkit complete --template 'demo://colour/{name}' name g -- node dist/cli/main.js demo

${TARGET}

${EXIT}`,
  demo: `Usage: mcpkit demo [--http [host:]port]

Serves a demo server that uses every feature (tools with progress, logging, structured output,
elicitation, sampling and roots; text and binary resources, a template and prompts with
completion) over stdio, or over Streamable HTTP with --http.

Examples:
  mcpkit inspect -- mcpkit demo
  mcpkit demo --http 127.0.0.1:3000

${LISTEN}`,
  serve: `Usage: mcpkit serve <module> [--http [host:]port]

Imports <module> and serves its default export, an McpServer or a function returning one,
over stdio, or over Streamable HTTP with --http (port 0 picks a free port; the URL is printed
on stderr). HTTP listens on 127.0.0.1 unless a host is given.

Examples:
  mcpkit serve ./my-server.js
  mcpkit serve ./my-server.js --http 0.0.0.0:8080 --allow-host mcp.example.com

${LISTEN}`,
  proxy: `Usage: mcpkit proxy --http-to-stdio <url> [--header 'Name: value'...] [-v]
       mcpkit proxy --stdio-to-http [host:]port [--max-processes N] [-v] -- COMMAND [ARGS...]
       mcpkit proxy --stdio-to-http [host:]port NAME --config FILE

Bridges transports, relaying every JSON-RPC message unchanged, so both eras (initialize
sessions and stateless 2026-07-28 requests) and every feature pass through. -v traces the
traffic on stderr.

--http-to-stdio <url>: a stdio server for hosts that only spawn processes. Messages read on
stdin go to the Streamable HTTP server at <url> (legacy HTTP+SSE is detected too), and what it
sends back is written to stdout. Exits when stdin closes.

--stdio-to-http [host:]port: a Streamable HTTP endpoint (/mcp) in front of a stdio server.
Each legacy session gets a server process of its own, stopped when the session ends. Each
2026-07-28 request borrows an idle process, one request at a time, so everything the process
writes belongs to that request; up to two idle processes are kept. At most 16 processes run
at once (--max-processes N); past that, new sessions and requests get 503. A process that
exits fails only the requests it was serving. The servers' stderr is passed through. Listens
on 127.0.0.1 unless a host is given; the URL is printed on stderr. Stops on SIGINT or SIGTERM.

Examples:
  mcpkit proxy --http-to-stdio http://127.0.0.1:3000/mcp
  mcpkit inspect -- mcpkit proxy --http-to-stdio https://example.com/mcp --header 'Authorization: Bearer TOKEN'
  {"mcpServers": {"remote": {"command": "mcpkit", "args": ["proxy", "--http-to-stdio", "https://example.com/mcp"]}}}
  mcpkit proxy --stdio-to-http 3000 -- npx -y @modelcontextprotocol/server-everything
  mcpkit proxy --stdio-to-http 3000 weather --config ~/.config/claude/claude_desktop_config.json

${LISTEN}`,
};
