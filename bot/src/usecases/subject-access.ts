import type { Store } from '../store/store';

/**
 * Everything Reflect holds about one person, from every container (UK GDPR subject access): their roster
 * entry and status, the supervision records where they are the supervisee, training, CPD, caseload snapshots,
 * the Teams conversation reference, nudges sent to them and holds on them, and the audit entries about them
 * or made by them. Sessions they held as a supervisor are their supervisees' records, not theirs.
 */
export async function subjectAccessData(store: Store, tenantId: string, staffId: string): Promise<Record<string, unknown[]>> {
  const c = store.collections;
  const staff = await c.staff.get(tenantId, staffId);
  const byStaff = { id: staffId };
  const [status, supervision, training, cpd, caseloads, conversations, nudges, holds, auditAbout, auditBy] = await Promise.all([
    c.status.get(tenantId, staffId),
    c.supervision.all(tenantId, 'c.superviseeId = @id', byStaff, 'c.date DESC'),
    c.training.all(tenantId, 'c.staffId = @id', byStaff, 'c.date DESC'),
    c.cpd.all(tenantId, 'c.staffId = @id', byStaff, 'c.date DESC'),
    c.caseloads.all(tenantId, 'c.staffId = @id', byStaff, 'c.date DESC'),
    staff?.aadObjectId ? c.conversations.all(tenantId, 'c.aadObjectId = @oid OR c.staffId = @id', { oid: staff.aadObjectId, id: staffId }) : c.conversations.all(tenantId, 'c.staffId = @id', byStaff),
    c.nudges.all(tenantId, "c.docType = 'nudge' AND c.recipientId = @id", byStaff),
    c.holds.all(tenantId, "(c.docType = 'snooze' OR c.docType = 'booking') AND c.staffId = @id", byStaff),
    c.audit.all(tenantId, 'c.subjectId = @id', byStaff, 'c.at DESC'),
    c.audit.all(tenantId, 'c.actorId = @id', byStaff, 'c.at DESC'),
  ]);
  const strip = <T extends object>(docs: T[]): Omit<T, '_etag'>[] => docs.map(({ _etag, ...doc }: T & { _etag?: string }) => doc);
  return {
    staff: strip(staff ? [staff] : []),
    status: strip(status ? [status] : []),
    supervision: strip(supervision),
    training: strip(training),
    cpd: strip(cpd),
    caseloads: strip(caseloads),
    conversations: strip(conversations),
    nudges: strip(nudges),
    holds: strip(holds),
    audit: strip([...auditAbout, ...auditBy.filter((a) => a.subjectId !== staffId)]),
  };
}
