import { readCpdForm, type CpdDraft } from '../../../bot/src/domain/cpd-form';

const TODAY = '2026-02-03';
const base = { date: '2026-01-28', type: 'reading', learning: 'Research in Practice briefing on neglect', impact: 'I now use a chronology at every visit', peerReflected: 'false', peerName: '' };

function ok(input: Record<string, unknown>): CpdDraft {
  const r = readCpdForm(input, TODAY);
  if (!r.ok) throw new Error(`expected a draft, got ${JSON.stringify(r.errors)}`);
  return r.draft;
}
function errors(input: Record<string, unknown>): Record<string, string> {
  const r = readCpdForm(input, TODAY);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.draft)}`);
  return r.errors;
}

describe('readCpdForm', () => {
  test('a complete entry without peer reflection', () => {
    expect(ok(base)).toEqual<CpdDraft>({
      date: '2026-01-28',
      type: 'reading',
      learning: 'Research in Practice briefing on neglect',
      impact: 'I now use a chronology at every visit',
      peerReflected: false,
      peerName: undefined,
    });
  });

  test('peer reflection with who it was with', () => {
    expect(ok({ ...base, peerReflected: 'true', peerName: 'my team manager' })).toMatchObject({ peerReflected: true, peerName: 'my team manager' });
  });

  test('peer reflection ticked without a name is refused on peerName', () => {
    expect(errors({ ...base, peerReflected: 'true' })).toEqual({ peerName: 'Say who you reflected with (a name or a role, e.g. "my team manager").' });
  });

  test('a peer name without the tick is dropped', () => {
    expect(ok({ ...base, peerName: 'Priya' }).peerName).toBeUndefined();
  });

  test('learning and impact are required', () => {
    expect(errors({ ...base, learning: '', impact: '  ' })).toEqual({ learning: 'Enter what you learnt.', impact: 'Enter the impact on your practice.' });
  });

  test('type is required and must be known', () => {
    expect(errors({ ...base, type: '' }).type).toBe('Choose the type of CPD.');
    expect(errors({ ...base, type: 'holiday' }).type).toBe('Choose the type of CPD from the list.');
  });

  test('a future date is refused; today is fine', () => {
    expect(errors({ ...base, date: '2026-02-04' }).date).toBe('The date cannot be in the future.');
    expect(ok({ ...base, date: TODAY }).date).toBe(TODAY);
  });

  test('more than two years ago is refused; exactly two years is fine', () => {
    expect(ok({ ...base, date: '2024-02-03' }).date).toBe('2024-02-03');
    expect(errors({ ...base, date: '2024-02-02' }).date).toBe('CPD more than two years ago does not count towards this registration.');
  });

  test('date is required', () => {
    expect(errors({ ...base, date: '' }).date).toBe('Enter the date.');
  });

  test('unknown fields are refused', () => {
    expect(errors({ ...base, staffId: 'someone-else' }).form).toBe('The form sent a field it does not have ("staffId"). Please open a fresh form.');
  });

  test('wrong kinds of value are refused per field', () => {
    const e = errors({ ...base, learning: ['a'], peerReflected: 'yes' });
    expect(e.learning).toBe('This field has the wrong kind of value.');
    expect(e.peerReflected).toBe('This must be ticked or not.');
  });

  test('peer name is limited to 200 characters', () => {
    expect(errors({ ...base, peerReflected: 'true', peerName: 'x'.repeat(201) }).peerName).toBe('Who you reflected with is too long: at most 200 characters.');
  });
});
