import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { LocalDate } from '../domain/dates';
import { applyImport, IMPORT_KINDS, isImportKind, LAYOUTS, previewImport, templateCsv, templateFileName, type ImportKind, type ImportReport } from '../imports';
import type { Logger } from '../log';
import { StoreUnavailableError } from '../store/errors';
import type { Store } from '../store/store';
import { canImport } from './access';
import type { TabCaller } from './authenticate';
import type { ImportApiError, ImportKinds } from './contract';
import { ApiFailure } from './failures';
import type { TabApiRoutes } from './routes';

/**
 * The tab's CSV imports: the kinds, a template per kind, a preview that saves nothing, then apply of exactly the
 * file previewed. For the PSW, service managers and business support, always into the caller's own tenant.
 *
 *   GET  /api/imports                    the kinds (ImportKinds)
 *   GET  /api/imports/:kind/template     the template, as a CSV download
 *   POST /api/imports/:kind/preview      body: the CSV (Content-Type text/csv) -> ImportReport; writes nothing
 *   POST /api/imports/:kind/apply?hash=<fileHash of the preview>[&onlyValidRows=true][&fileName=]
 *                                        the same body -> ImportReport; all rows, or nothing if any has a problem
 *
 * The service's body parser stops at 256 KB (Teams activities are small); these two POST routes read their own
 * body instead, up to MAX_IMPORT_BYTES, and answer 413 with a JSON reason beyond it.
 */

/** The largest CSV the tab may send: about 50,000 roster rows, far more than a council's workforce. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Beyond the limit a body is read and dropped (so the client sees the 413) up to this; past it the connection is closed. */
const DRAIN_LIMIT = 4 * MAX_IMPORT_BYTES;
const UPLOAD_PATH = /^\/api\/imports\/[^/]+\/(preview|apply)$/;
const ACCEPTED_TYPES = ['', 'text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];
const HASH = /^[0-9a-f]{64}$/;
const MAX_FILE_NAME = 200;

export const IMPORTERS_ONLY = 'Imports are for the principal social worker, service managers and business support.';

/** What each kind is called on the page. */
export const IMPORT_LABELS: Record<ImportKind, string> = {
  roster: 'Staff roster',
  caseloads: 'Caseload snapshot',
  training: 'Training register',
  courses: 'Course catalogue',
};

export interface ImportApiDeps {
  authenticate: TabApiRoutes['authenticate'];
  log: Logger;
  store: Store;
  /** Today in the service's time zone: rows are checked against it. */
  today: () => LocalDate;
}

/** A refusal with a status the shared ApiFailure does not carry (409, 413, 415, 422). */
class ImportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: ImportApiError,
    /** Close the connection after answering: the rest of an oversized body is not worth reading. */
    readonly close = false,
  ) {
    super(body.reason);
    this.name = 'ImportRefusal';
  }
}

const refuse = (status: number, error: ImportApiError['error'], reason: string, report?: ImportReport): ImportRefusal => new ImportRefusal(status, { error, reason, ...(report ? { report } : {}) });
const tooLarge = (close = false): ImportRefusal =>
  new ImportRefusal(413, { error: 'too_large', reason: `The file is too large: Reflect accepts CSV files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.` }, close);

type Handler = (caller: TabCaller, req: Request, res: Response) => Promise<void>;

export function registerImportApi(server: Server, routes: TabApiRoutes, deps: ImportApiDeps = fromTabApi(routes)): void {
  // restify's bodyParser skips a request already read (restify#100): marking the uploads so keeps its 256 KB
  // limit for every other route while these read their own body below.
  server.pre((req: Request, _res: Response, next: () => void) => {
    if (req.method === 'POST' && UPLOAD_PATH.test(req.getPath())) Object.assign(req, { _readBody: true, _parsedBody: true });
    return next();
  });

  const route = (handler: Handler) => async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      const caller = await deps.authenticate(req.headers);
      if (!canImport(caller.me.role)) throw new ApiFailure(403, { error: 'forbidden', reason: IMPORTERS_ONLY });
      await handler(caller, req, res);
    } catch (err) {
      const { status, body, close } = failureOf(err, deps.log, req);
      if (res.headersSent) return;
      if (close) res.header('Connection', 'close');
      res.send(status, body);
    }
  };

  server.get(
    '/api/imports',
    route(async (_caller, _req, res) => {
      const kinds: ImportKinds = {
        maxBytes: MAX_IMPORT_BYTES,
        kinds: IMPORT_KINDS.map((kind) => ({
          kind,
          label: IMPORT_LABELS[kind],
          row: LAYOUTS[kind].row,
          columns: LAYOUTS[kind].columns.map((c) => ({ name: c.name, required: c.presence !== 'optional' })),
          templateFileName: templateFileName(kind),
        })),
      };
      res.send(200, kinds);
    }),
  );

  server.get(
    '/api/imports/:kind/template',
    route(async (_caller, req, res) => {
      const kind = kindOf(req);
      const body = Buffer.from(templateCsv(kind), 'utf8');
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${templateFileName(kind)}"`,
        'Content-Length': body.length,
      });
      res.end(body);
    }),
  );

  server.post(
    '/api/imports/:kind/preview',
    route(async (caller, req, res) => {
      const kind = kindOf(req);
      const file = await fileOf(req);
      const report = await previewImport(deps.store, requestFor(caller, kind, req, file, deps.today()));
      res.send(200, report);
    }),
  );

  server.post(
    '/api/imports/:kind/apply',
    route(async (caller, req, res) => {
      const kind = kindOf(req);
      const query = (req.query ?? {}) as Record<string, unknown>;
      const hash = typeof query.hash === 'string' ? query.hash.toLowerCase() : undefined;
      if (!hash) throw badRequest('Check the file first: importing needs hash=<fileHash> from the check, so that only the file you checked is imported.');
      if (!HASH.test(hash)) throw badRequest('hash must be the fileHash the check answered (64 hexadecimal characters).');
      const only = query.onlyValidRows;
      if (only !== undefined && only !== 'true' && only !== 'false') throw badRequest('onlyValidRows must be true or false.');
      const file = await fileOf(req);
      if (createHash('sha256').update(file).digest('hex') !== hash) {
        throw refuse(409, 'conflict', 'The file changed since the check: it is not the file that was checked. Check it again before importing.');
      }
      const report = await applyImport(deps.store, { ...requestFor(caller, kind, req, file, deps.today()), expectedFileHash: hash, onlyValidRows: only === 'true' });
      deps.log.info('import applied', { tenantId: caller.tenantId, actorId: caller.me.staffId, kind, rows: report.rows, written: report.written, applied: report.applied, failure: report.failure !== undefined });
      if (report.failure && report.written > 0) throw refuse(503, 'unavailable', report.summary, report);
      if (report.failure) throw refuse(409, 'conflict', report.summary, report);
      if (!report.applied) throw refuse(422, 'has_errors', report.summary, report);
      res.send(200, report);
    }),
  );
}

function fromTabApi(routes: TabApiRoutes): ImportApiDeps {
  return { authenticate: routes.authenticate, log: routes.log, store: routes.store, today: routes.today };
}

const badRequest = (reason: string): ApiFailure => new ApiFailure(400, { error: 'bad_request', reason });

function kindOf(req: Request): ImportKind {
  const kind = String(req.params?.kind ?? '');
  if (!isImportKind(kind)) {
    throw new ApiFailure(404, { error: 'not_found', reason: `There is no import called "${kind.slice(0, 40)}": use one of ${IMPORT_KINDS.join(', ')}.` });
  }
  return kind;
}

function requestFor(caller: TabCaller, kind: ImportKind, req: Request, input: Buffer, today: LocalDate) {
  // The tenant is always the caller's: nothing in the request can name another.
  return { tenantId: caller.tenantId, actorId: caller.me.staffId, kind, input, fileName: fileNameOf(req, kind), today };
}

/** The name the person's file had, for the report and the audit entry: a bare name, printable, bounded. */
function fileNameOf(req: Request, kind: ImportKind): string {
  const raw = (req.query as Record<string, unknown> | undefined)?.fileName;
  const name = typeof raw === 'string' ? (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_FILE_NAME) : '';
  return name || `${kind}.csv`;
}

/** The request's body, the CSV file: refused when it is not sent as text, empty or too large. */
async function fileOf(req: Request): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.includes(type)) {
    throw refuse(415, 'unsupported_media_type', `Send the CSV file itself as the body, with Content-Type: text/csv (not ${type.slice(0, 60)}).`);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > DRAIN_LIMIT) throw tooLarge(true);
  const body = await readBody(req);
  if (body.length === 0) throw badRequest('The file is empty: choose a CSV file with a header row and at least one row.');
  return body;
}

function readBody(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (settle: () => void) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_IMPORT_BYTES) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0;
      if (size > DRAIN_LIMIT) done(() => reject(tooLarge(true)));
    };
    const onEnd = () => done(() => (size > MAX_IMPORT_BYTES ? reject(tooLarge()) : resolve(Buffer.concat(chunks, size))));
    const onError = (err: Error) => done(() => reject(err));
    const onAborted = () => done(() => reject(new Error('the client stopped sending the file')));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    req.resume();
  });
}

function failureOf(err: unknown, log: Logger, req: Request): { status: number; body: ImportApiError; close?: boolean } {
  if (err instanceof ImportRefusal) return { status: err.status, body: err.body, close: err.close };
  if (err instanceof ApiFailure) {
    if (err.status === 401) log.info('tab request refused', { path: req.getPath(), reason: err.body.reason });
    return { status: err.status, body: err.body };
  }
  log.error('import request failed', { path: req.getPath(), error: err });
  if (err instanceof StoreUnavailableError) return { status: 503, body: { error: 'unavailable', reason: 'Reflect could not reach its database just now. Please try again in a minute.' } };
  return { status: 500, body: { error: 'internal', reason: 'Something went wrong on our side. Please try again; if it keeps happening, tell your Reflect administrator.' } };
}
