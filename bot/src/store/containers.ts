/**
 * The Cosmos containers, defined once: the service creates them from this list and infra/ is checked
 * against it. Every container is partitioned by tenant (the Entra tenant id), so a tenant's data is one
 * logical partition per container and every query names it.
 */
export interface IndexingPolicy {
  indexingMode: 'consistent';
  automatic: true;
  includedPaths: { path: string }[];
  excludedPaths: { path: string }[];
}

export interface ContainerDefinition {
  id: string;
  partitionKey: '/tenantId';
  /** What the container holds, for the README and the infra check. */
  holds: string;
  indexingPolicy: IndexingPolicy;
}

// Free text is never filtered on; excluding it keeps writes cheap and the index small.
function indexing(excluded: string[] = []): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: [{ path: '/*' }],
    excludedPaths: [...excluded.map((path) => ({ path })), { path: '/"_etag"/?' }],
  };
}

export const CONTAINERS = {
  staff: { id: 'staff', partitionKey: '/tenantId', holds: 'staff members (the roster)', indexingPolicy: indexing() },
  status: { id: 'status', partitionKey: '/tenantId', holds: 'one status document per person, rewritten on every write that concerns them', indexingPolicy: indexing() },
  supervision: {
    id: 'supervision',
    partitionKey: '/tenantId',
    holds: 'supervision sessions with actions and the supervisee response',
    indexingPolicy: indexing(['/experience/?', '/reflection/?', '/analysis/?', '/plan/?', '/cancellationReason/?', '/actions/[]/text/?', '/response/comment/?']),
  },
  training: { id: 'training', partitionKey: '/tenantId', holds: 'training records', indexingPolicy: indexing(['/note/?']) },
  courses: { id: 'courses', partitionKey: '/tenantId', holds: 'the course catalogue', indexingPolicy: indexing() },
  cpd: { id: 'cpd', partitionKey: '/tenantId', holds: 'CPD entries for Social Work England', indexingPolicy: indexing(['/learning/?', '/impact/?']) },
  caseloads: { id: 'caseloads', partitionKey: '/tenantId', holds: 'caseload snapshots (counts by case type, no case details)', indexingPolicy: indexing() },
  conversations: { id: 'conversations', partitionKey: '/tenantId', holds: 'Teams conversation references for proactive messages', indexingPolicy: indexing(['/reference/*']) },
  nudges: { id: 'nudges', partitionKey: '/tenantId', holds: 'the nudge log (one document per recipient, kind and local date) and sweep leases', indexingPolicy: indexing() },
  audit: { id: 'audit', partitionKey: '/tenantId', holds: 'the audit log: reads of others\' records, imports, purges', indexingPolicy: indexing(['/details/*']) },
  settings: { id: 'settings', partitionKey: '/tenantId', holds: 'tenant settings: policy overrides', indexingPolicy: indexing() },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof CONTAINERS;
