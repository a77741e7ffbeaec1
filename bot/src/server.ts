import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from './log';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** Resolves when the database answers. */
  ready: () => Promise<void>;
}

/** Teams activities are small; anything larger is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'reflect', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.on('after', (req: Request, res: Response) => {
    deps.log.info('request', { method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.ready();
      res.send(200, { status: 'ready' });
    } catch (error) {
      deps.log.warn('not ready', { error });
      res.send(503, { status: 'unavailable', reason: 'The database is not reachable' });
    }
  });

  return server;
}
