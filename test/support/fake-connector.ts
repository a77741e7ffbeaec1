import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  path: string;
  body: Record<string, unknown> & { type?: string; text?: string; attachments?: { contentType: string; content: unknown }[] };
}

export interface FakeConnector {
  /** Use as the activity's serviceUrl. */
  url: string;
  sent: SentActivity[];
  /** Lets a test answer a send differently (e.g. 429, 403). Return undefined for the normal 200. */
  respond?: (req: http.IncomingMessage, body: SentActivity['body']) => { status: number; headers?: Record<string, string> } | undefined;
  /** Holds every answer this long, to keep a turn in flight. */
  delayMs: number;
  /** Holds some answers longer (a connector that hangs for one conversation); ms, or undefined for delayMs. */
  delayFor?: (req: http.IncomingMessage) => number | undefined;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the Bot Connector service: it accepts replies and proactive sends the way Teams'
 * connector does and records them. Real HTTP, so the bot's own client code runs unchanged.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const fake: FakeConnector = { url: '', sent: [], delayMs: 0, close: async () => undefined };
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void setTimeout(answer, fake.delayFor?.(req) ?? fake.delayMs));
    const answer = (): void => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as SentActivity['body']) : {};
      const custom = fake.respond?.(req, body);
      if (custom) {
        res.writeHead(custom.status, { 'content-type': 'application/json', ...custom.headers });
        res.end(JSON.stringify({ error: { code: 'Fake', message: `fake ${custom.status}` } }));
        return;
      }
      const path = req.url ?? '';
      const conversation = /\/v3\/conversations\/([^/]+)/.exec(path);
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(path)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `conv-${++n}` }));
        return;
      }
      fake.sent.push({ conversationId: decodeURIComponent(conversation?.[1] ?? ''), path, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++n}` }));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
