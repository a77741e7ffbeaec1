import type { LocalDate } from '../domain/dates';
import { caseloadSummary, developmentSummary, teamRows, type CaseloadSummary, type DevelopmentSummary, type TeamRow } from '../domain/summaries';
import type { Store } from '../store/store';
import type { Actor } from './actor';
import { directReports } from './line';
import type { ReferenceData } from './reference-data';

export interface SummaryDeps {
  store: Store;
  reference: ReferenceData;
  today: () => LocalDate;
}

/** Built from the status document the actor was identified by: no further reads. */
export async function myDevelopment(deps: SummaryDeps, actor: Actor): Promise<DevelopmentSummary> {
  const { policy, catalogue } = await deps.reference.get(actor.tenantId);
  return developmentSummary(actor.me, catalogue, policy, deps.today());
}

export async function myCaseload(deps: SummaryDeps, actor: Actor): Promise<CaseloadSummary> {
  const { policy } = await deps.reference.get(actor.tenantId);
  const snapshots = await deps.store.caseloads.recent(actor.tenantId, actor.me.staffId, 3);
  return caseloadSummary(snapshots, actor.me.caseload?.threshold, policy);
}

export async function myTeam(deps: SummaryDeps, actor: Actor): Promise<TeamRow[]> {
  const { policy } = await deps.reference.get(actor.tenantId);
  return teamRows(await directReports(deps.store, actor), policy, deps.today());
}
