/**
 * Supervision records may name cases only by their case-management system id (e.g. LCS-1234567). A child's
 * name, date of birth or story belongs on the child's record, so anything that looks like one is refused.
 */
const DATE_LIKE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const ID_SHAPE = /^[A-Za-z]{0,6}[-/]?\d{3,12}([-/]\d{1,6})?$/;
export const MAX_CASE_IDS = 20;

export type CaseIdCheck = { ok: true; ids: string[] } | { ok: false; message: string };

/** Splits a typed list ("LCS-123, LCS-456") and checks every entry is an id and nothing else. */
export function checkCaseIds(typed: string | undefined): CaseIdCheck {
  if (!typed) return { ok: true, ids: [] };
  const entries = typed.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
  if (entries.length > MAX_CASE_IDS) return { ok: false, message: `List at most ${MAX_CASE_IDS} case ids.` };
  for (const entry of entries) {
    if (DATE_LIKE.test(entry)) {
      return { ok: false, message: `"${entry.slice(0, 30)}" looks like a date. Enter case ids only (e.g. LCS-1234567): never a child's date of birth.` };
    }
    if (!ID_SHAPE.test(entry)) {
      const why = /\d/.test(entry) ? 'is not a case id' : 'looks like a name or a description';
      return { ok: false, message: `"${entry.slice(0, 30)}" ${why}. Enter case ids only (e.g. LCS-1234567): the discussion belongs on the child's record.` };
    }
  }
  return { ok: true, ids: [...new Set(entries.map((e) => e.toUpperCase()))] };
}
