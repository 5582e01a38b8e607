// @ts-check
// The official SDK v2's benchmark server behind `serveStdio`, its entry that picks the era from
// the opening message; the only way v2 serves 2026-07-28 over stdio.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createServer } from '../sdk-v2.js';

serveStdio(createServer);
