import { setTimeout as sleep } from 'node:timers/promises';
import type { Container, ItemDefinition, JSONValue, OperationInput, SqlParameter } from '@azure/cosmos';
import type { TenantScoped } from '../domain/model';
import { ConflictError, statusOf } from './errors';
import { withRetry } from './retry';

/** A document as read back: the etag is what a later update must match. */
export type Stored<T> = T & { _etag: string };

export interface Page<T> {
  items: Stored<T>[];
  /** Pass back to get the next page; absent on the last page. */
  continuation?: string;
}

export interface QueryOptions {
  pageSize?: number;
  continuation?: string;
  /** e.g. `c.date DESC`. */
  orderBy?: string;
}

/** Counts requests to Cosmos, so tests and benchmarks can prove how many round trips a use case costs. */
export class RoundTrips {
  count = 0;
}

const SYSTEM_FIELDS = ['_rid', '_self', '_ts', '_attachments'] as const;
const BULK_CHUNK = 100;

function clean<T>(resource: ItemDefinition): Stored<T> {
  const doc = { ...resource } as Record<string, unknown>;
  for (const f of SYSTEM_FIELDS) delete doc[f];
  return doc as Stored<T>;
}

function withoutEtag<T extends TenantScoped>(doc: T): T {
  const { _etag, ...rest } = doc as T & { _etag?: string };
  void _etag;
  return rest as T;
}

/**
 * One container's documents, always within one tenant. Every query is written as a WHERE fragment and runs
 * as `c.tenantId = @tenantId AND (<fragment>)`: the local server ignores the partition key option, so the
 * filter is what keeps tenants apart, and Azure uses the partition key to keep the query in one partition.
 */
export class TenantContainer<T extends TenantScoped> {
  constructor(
    private readonly container: Container,
    private readonly trips: RoundTrips,
    /** Told after every write, so in-process readers that cache a tenant's documents know to reload. */
    private readonly onWrite: (tenantId: string) => void = () => {},
  ) {}

  get name(): string {
    return this.container.id;
  }

  private call<R>(op: () => Promise<R>): Promise<R> {
    return withRetry(() => {
      this.trips.count++;
      return op();
    });
  }

  async get(tenantId: string, id: string): Promise<Stored<T> | undefined> {
    try {
      const { resource } = await this.call(() => this.container.item(id, tenantId).read());
      // The local server ignores the partition key on reads too: check the tenant ourselves.
      return resource && resource.tenantId === tenantId ? clean<T>(resource) : undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Creates the document; a ConflictError('exists') when the id is taken. */
  async create(doc: T): Promise<Stored<T>> {
    try {
      const { resource } = await this.call(() => this.container.items.create(withoutEtag(doc)));
      this.onWrite(doc.tenantId);
      return clean<T>(resource!);
    } catch (err) {
      if (statusOf(err) === 409) throw new ConflictError(this.name, doc.id, 'exists');
      throw err;
    }
  }

  async upsert(doc: T): Promise<Stored<T>> {
    const { resource } = await this.call(() => this.container.items.upsert(withoutEtag(doc)));
    this.onWrite(doc.tenantId);
    return clean<T>(resource!);
  }

  /** Replaces the document only if it still has `etag`; a ConflictError('changed') otherwise. */
  async replace(doc: T, etag: string): Promise<Stored<T>> {
    try {
      const { resource } = await this.call(() =>
        this.container.item(doc.id, doc.tenantId).replace(withoutEtag(doc), { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      this.onWrite(doc.tenantId);
      return clean<T>(resource!);
    } catch (err) {
      if (statusOf(err) === 412) throw new ConflictError(this.name, doc.id, 'changed');
      if (statusOf(err) === 404) throw new ConflictError(this.name, doc.id, 'changed');
      throw err;
    }
  }

  /** Deletes; returns false when there was nothing to delete. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const existing = await this.get(tenantId, id);
    if (!existing) return false;
    try {
      await this.call(() => this.container.item(id, tenantId).delete());
      this.onWrite(tenantId);
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /** One page of documents matching `where` in the tenant. */
  async page(tenantId: string, where: string, params: Record<string, JSONValue> = {}, options: QueryOptions = {}): Promise<Page<T>> {
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...Object.entries(params).map(([k, value]) => ({ name: `@${k}`, value }))];
    const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
    const query = { query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND (${where})${order}`, parameters };
    const response = await this.call(() =>
      this.container.items
        .query<ItemDefinition>(query, { partitionKey: tenantId, maxItemCount: options.pageSize ?? 100, continuationToken: options.continuation })
        .fetchNext(),
    );
    return {
      items: response.resources.filter((r) => r.tenantId === tenantId).map((r) => clean<T>(r)),
      continuation: response.hasMoreResults && response.continuationToken ? response.continuationToken : undefined,
    };
  }

  /**
   * Every matching document, fetched page by page. Pages are large: Azure caps a page at 4 MB whatever is asked,
   * and the embedded server re-reads the container for every page.
   */
  async all(tenantId: string, where = 'true', params: Record<string, JSONValue> = {}, orderBy?: string): Promise<Stored<T>[]> {
    const items: Stored<T>[] = [];
    let continuation: string | undefined;
    do {
      const page = await this.page(tenantId, where, params, { pageSize: 50_000, continuation, orderBy });
      items.push(...page.items);
      continuation = page.continuation;
    } while (continuation);
    return items;
  }

  /**
   * The tenants that hold a document with this id. The one query that spans tenants: the scheduler needs to know
   * whom to sweep. It returns tenant ids only, never content.
   */
  async tenantsHolding(id: string): Promise<string[]> {
    const query = { query: 'SELECT VALUE c.tenantId FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] };
    const { resources } = await this.call(() => this.container.items.query<string>(query).fetchAll());
    return [...new Set(resources)].sort();
  }

  /** Only some fields of every matching document: less to carry when a sweep needs a few fields of thousands. */
  async project<K extends keyof T & string>(tenantId: string, fields: readonly K[], where = 'true', params: Record<string, JSONValue> = {}): Promise<Pick<T, K>[]> {
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...Object.entries(params).map(([k, value]) => ({ name: `@${k}`, value }))];
    const select = fields.map((f) => `c.${f}`).join(', ');
    const query = { query: `SELECT ${select} FROM c WHERE c.tenantId = @tenantId AND (${where})`, parameters };
    const items: Pick<T, K>[] = [];
    let continuation: string | undefined;
    do {
      const response = await this.call(() => this.container.items.query<Pick<T, K>>(query, { partitionKey: tenantId, maxItemCount: 50_000, continuationToken: continuation }).fetchNext());
      items.push(...response.resources);
      continuation = response.hasMoreResults && response.continuationToken ? response.continuationToken : undefined;
    } while (continuation);
    return items;
  }

  /** A single scalar, e.g. `SELECT VALUE COUNT(1) FROM c WHERE …`, built from a WHERE fragment. */
  async count(tenantId: string, where = 'true', params: Record<string, JSONValue> = {}): Promise<number> {
    const parameters: SqlParameter[] = [{ name: '@tenantId', value: tenantId }, ...Object.entries(params).map(([k, value]) => ({ name: `@${k}`, value }))];
    const query = { query: `SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND (${where})`, parameters };
    const { resources } = await this.call(() => this.container.items.query<number>(query, { partitionKey: tenantId }).fetchAll());
    return resources.reduce((a, b) => a + b, 0);
  }

  /**
   * Upserts many documents with Cosmos bulk, in chunks. Not atomic: callers that need all-or-nothing
   * validate everything first. Operations the server throttles are retried.
   */
  async bulkUpsert(docs: readonly T[], onProgress?: (done: number) => void): Promise<void> {
    for (let i = 0; i < docs.length; i += BULK_CHUNK) {
      let pending: OperationInput[] = docs.slice(i, i + BULK_CHUNK).map((d) => ({ operationType: 'Upsert', partitionKey: d.tenantId, resourceBody: withoutEtag(d) as unknown as JSONValue } as OperationInput));
      for (let attempt = 0; pending.length > 0; attempt++) {
        const results = await this.call(() => this.container.items.bulk(pending, { continueOnError: true }));
        const failed = pending.filter((_, j) => results[j]!.statusCode >= 400);
        const hard = results.find((r) => r.statusCode >= 400 && r.statusCode !== 429 && r.statusCode !== 503);
        if (hard) throw new Error(`Bulk upsert to ${this.name} failed with ${hard.statusCode}`);
        if (failed.length > 0 && attempt >= 5) throw new Error(`Bulk upsert to ${this.name}: ${failed.length} operations still throttled`);
        if (failed.length > 0) await sleep(100 * 2 ** attempt);
        pending = failed;
      }
      for (const tenantId of new Set(docs.slice(i, i + BULK_CHUNK).map((d) => d.tenantId))) this.onWrite(tenantId);
      onProgress?.(Math.min(i + BULK_CHUNK, docs.length));
    }
  }
}
