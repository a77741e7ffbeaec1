import { timingSafeEqual } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import { isLocalDate } from './domain/dates';
import type { Activity } from 'botbuilder';
import type { ReflectAdapter } from './teams/adapter';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from './log';
import { registerTabApi, type TabApiRoutes } from './api/routes';
import { registerTabSite } from './api/tab-site';

export interface ServerDeps {
  adapter: ReflectAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** Resolves when the database answers. */
  ready: () => Promise<void>;
  /** POST /api/nudges/run for an external scheduler, behind a shared secret. */
  nudgeTrigger?: { key: string; run: (date?: string) => Promise<unknown> };
  /** The tab: its API and the directory its built files are served from. */
  tab?: { routes: TabApiRoutes; dir: string };
}

/** Teams activities are small; anything larger is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'reflect', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  // Unknown paths and methods answer JSON that says why, like every other refusal.
  for (const event of ['NotFound', 'MethodNotAllowed']) {
    server.on(event, (req: Request, _res: Response, err: { toJSON?: () => unknown }, callback: () => void) => {
      err.toJSON = () => (event === 'NotFound' ? { error: 'not_found', reason: `There is nothing at ${req.getPath()}.` } : { error: 'method_not_allowed', reason: `${req.method} is not supported on ${req.getPath()}.` });
      callback();
    });
  }

  server.on('after', (req: Request, res: Response) => {
    deps.log.info('request', { method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown> | undefined;
    const problem = activityProblem(body);
    if (problem) {
      res.send(400, { error: 'bad_request', reason: `The body must be a Bot Framework activity: ${problem}.` });
      return;
    }
    try {
      await deps.adapter.authenticate(body as Partial<Activity>, req.header('authorization') ?? '');
    } catch (error) {
      deps.log.info('activity refused: not authenticated', { reason: error instanceof Error ? error.message : String(error) });
      res.send(401, { error: 'unauthorized', reason: 'The request does not carry a valid Bot Framework token for this bot.' });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      // The adapter answers most failures itself; anything that escapes is the caller's request, not a crash.
      deps.log.warn('activity refused', { error });
      if (!res.headersSent) res.send(400, { error: 'bad_request', reason: 'The activity could not be processed.' });
    }
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

  server.post('/api/nudges/run', async (req: Request, res: Response) => {
    const trigger = deps.nudgeTrigger;
    const date = (req.query as Record<string, unknown> | undefined)?.date;
    if (!trigger) res.send(404, { error: 'not_found', reason: 'The nudge trigger is not enabled (set NUDGE_TRIGGER_KEY).' });
    else if (!bearerMatches(req.header('authorization'), trigger.key)) res.send(401, { error: 'unauthorized', reason: 'A valid Bearer key is required.' });
    else if (date !== undefined && (typeof date !== 'string' || !isLocalDate(date))) res.send(400, { error: 'bad_request', reason: 'date must be YYYY-MM-DD' });
    else res.send(200, { reports: await trigger.run(date) });
  });

  if (deps.tab) {
    registerTabApi(server, deps.tab.routes);
    registerTabSite(server, deps.tab.dir);
  }

  return server;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What every activity Teams sends has, checked before botbuilder sees it: the adapter answers 500 when these are
 * missing, and a malformed request is the caller's mistake, not ours.
 */
function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'a JSON object';
  if (typeof body.type !== 'string') return 'type is missing';
  if (typeof body.serviceUrl !== 'string') return 'serviceUrl is missing';
  if (!isObject(body.conversation) || typeof body.conversation.id !== 'string') return 'conversation.id is missing';
  if (!isObject(body.from) || typeof body.from.id !== 'string') return 'from.id is missing';
  if (!isObject(body.recipient) || typeof body.recipient.id !== 'string') return 'recipient.id is missing';
  return undefined;
}

/** Constant-time comparison, so the key cannot be guessed a character at a time. */
function bearerMatches(header: string | undefined, key: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
