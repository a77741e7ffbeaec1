import { plusMonths, type LocalDate } from './dates';
import { FormReader, MAX_SHORT_TEXT, type FieldErrors } from './form-input';
import { CPD_TYPES, type CpdEntry } from './model';

export const CPD_FIELDS = { date: 'date', type: 'type', learning: 'learning', impact: 'impact', peerReflected: 'peerReflected', peerName: 'peerName' } as const;

export type CpdDraft = Pick<CpdEntry, 'date' | 'type' | 'learning' | 'impact' | 'peerReflected' | 'peerName'>;

export type CpdFormResult = { ok: true; draft: CpdDraft } | { ok: false; errors: FieldErrors };

/** Reads a CPD form: what was learnt, its impact on practice, and any reflection with a peer. */
export function readCpdForm(input: Record<string, unknown>, today: LocalDate): CpdFormResult {
  const F = CPD_FIELDS;
  const f = new FormReader(input, new Set(Object.values(F)));
  f.rejectUnknown();
  const date = f.date(F.date, 'the date', { required: true, notAfter: today, notBefore: plusMonths(today, -24), beforeMessage: 'CPD more than two years ago does not count towards this registration.' });
  const type = f.choice(F.type, 'the type of CPD', CPD_TYPES, { required: true });
  const learning = f.text(F.learning, 'what you learnt', { required: true });
  const impact = f.text(F.impact, 'the impact on your practice', { required: true });
  const peerReflected = f.flag(F.peerReflected);
  const peerName = f.text(F.peerName, 'who you reflected with', { max: MAX_SHORT_TEXT });
  if (peerReflected && !peerName) f.fail(F.peerName, 'Say who you reflected with (a name or a role, e.g. "my team manager").');
  if (!f.ok || !date || !type || !learning || !impact) return { ok: false, errors: f.errors };
  return { ok: true, draft: { date, type, learning, impact, peerReflected, peerName: peerReflected ? peerName : undefined } };
}
