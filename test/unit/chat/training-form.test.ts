import { readTrainingForm, type TrainingDraft, type TrainingFormContext } from '../../../bot/src/domain/training-form';
import { CATALOGUE, MANAGER, PRIYA, SAM } from './fixtures';

const TODAY = '2026-02-03';
const own: TrainingFormContext = { today: TODAY, catalogue: CATALOGUE, attendeeIds: [SAM.id], register: false, recorderId: SAM.id };
const register: TrainingFormContext = { today: TODAY, catalogue: CATALOGUE, attendeeIds: [SAM.id, PRIYA.id], register: true, recorderId: 'staff-bs' };

function ok(input: Record<string, unknown>, c = own): TrainingDraft {
  const r = readTrainingForm(input, c);
  if (!r.ok) throw new Error(`expected a draft, got ${JSON.stringify(r.errors)}`);
  return r.draft;
}
function errors(input: Record<string, unknown>, c = own): Record<string, string> {
  const r = readTrainingForm(input, c);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.draft)}`);
  return r.errors;
}
const base = { course: 'SOS-INTRO', date: '2026-01-20', status: 'completed', hours: '', note: '' };

describe('readTrainingForm: one’s own training', () => {
  test('a completed course defaults to the course hours and is for the recorder', () => {
    expect(ok(base)).toEqual<TrainingDraft>({ courseCode: 'SOS-INTRO', date: '2026-01-20', status: 'completed', hours: 12, note: undefined, staffIds: [SAM.id] });
  });

  test('hours typed override the course length', () => {
    expect(ok({ ...base, hours: '7.5' }).hours).toBe(7.5);
    expect(ok({ ...base, hours: '0' }).hours).toBe(0);
  });

  test('hours default per course (a 3-hour course, a 0-hour role)', () => {
    expect(ok({ ...base, course: 'CS-CHRON' }).hours).toBe(3);
    expect(ok({ ...base, course: 'SOS-LEAD' }).hours).toBe(0);
  });

  test('did not attend defaults to 0 hours', () => {
    expect(ok({ ...base, status: 'did_not_attend' }).hours).toBe(0);
  });

  test('attended defaults to the course hours', () => {
    expect(ok({ ...base, status: 'attended', course: 'SOS-ADV' }).hours).toBe(30);
  });

  test('hours out of range are refused', () => {
    expect(errors({ ...base, hours: '201' }).hours).toBe('The hours must be a number from 0 to 200.');
    expect(errors({ ...base, hours: '-1' }).hours).toBe('The hours must be a number from 0 to 200.');
  });

  test('the note is kept, up to 1000 characters', () => {
    expect(ok({ ...base, note: ' Certificate on file ' }).note).toBe('Certificate on file');
    expect(errors({ ...base, note: 'x'.repeat(1001) }).note).toBe('The note is too long: at most 1,000 characters.');
  });

  test('a course outside the catalogue is refused', () => {
    expect(errors({ ...base, course: 'MADE-UP' }).course).toBe('Choose a course from the list.');
    expect(errors({ ...base, course: '' }).course).toBe('Choose a course.');
  });

  test('status is required and must be known', () => {
    expect(errors({ ...base, status: '' }).status).toBe('Choose the status.');
    expect(errors({ ...base, status: 'passed' }).status).toBe('Choose the status from the list.');
  });

  test('an attendees field is refused when not recording a register', () => {
    expect(errors({ ...base, attendees: `${SAM.id},${PRIYA.id}` }).form).toBe('The form sent a field it does not have ("attendees"). Please open a fresh form.');
  });

  test('any other unknown field is refused', () => {
    expect(errors({ ...base, staffId: PRIYA.id }).form).toMatch(/"staffId"/);
  });
});

describe('readTrainingForm: dates by status', () => {
  test.each(['attended', 'completed', 'did_not_attend'])('%s cannot be in the future', (status) => {
    expect(errors({ ...base, status, date: '2026-02-04' }).date).toBe(
      'Training that is attended, completed or missed cannot be in the future: choose "booked".',
    );
  });

  test.each(['attended', 'completed', 'did_not_attend'])('%s can be today', (status) => {
    expect(ok({ ...base, status, date: TODAY }).date).toBe(TODAY);
  });

  test('a booking must be in the future: yesterday is refused, tomorrow is fine', () => {
    expect(errors({ ...base, status: 'booked', date: '2026-02-02' }).date).toBe(
      'A booking cannot be in the past: choose attended, completed or did not attend.',
    );
    expect(ok({ ...base, status: 'booked', date: '2026-02-04' })).toMatchObject({ status: 'booked', date: '2026-02-04', hours: 12 });
  });

  test('a booking can be up to two years ahead, not more', () => {
    expect(ok({ ...base, status: 'booked', date: '2028-02-03' }).date).toBe('2028-02-03');
    expect(errors({ ...base, status: 'booked', date: '2028-02-04' }).date).toBe('A booking can be at most two years ahead.');
  });

  test('training more than ten years ago is refused', () => {
    expect(ok({ ...base, date: '2016-02-03' }).date).toBe('2016-02-03');
    expect(errors({ ...base, date: '2016-02-02' }).date).toBe('The date is more than ten years ago.');
  });

  test('date is required and must be real', () => {
    expect(errors({ ...base, date: '' }).date).toBe('Enter the date.');
    expect(errors({ ...base, date: '31/01/2026' }).date).toBe('The date must be a real date.');
  });
});

describe('readTrainingForm: a register', () => {
  test('records the chosen attendees, not the recorder', () => {
    expect(ok({ ...base, attendees: `${SAM.id},${PRIYA.id}` }, register).staffIds).toEqual([SAM.id, PRIYA.id]);
  });

  test('needs at least one attendee', () => {
    expect(errors(base, register).attendees).toBe('Choose at least one attendee.');
    expect(errors({ ...base, attendees: '' }, register).attendees).toBe('Choose at least one attendee.');
  });

  test('refuses attendees outside the allowed list', () => {
    expect(errors({ ...base, attendees: `${SAM.id},${MANAGER.id}` }, register).attendees).toBe('Choose attendee from the list.');
  });

  test('refuses an array of attendees (a card sends "a,b")', () => {
    expect(errors({ ...base, attendees: [SAM.id] }, register).attendees).toBe('This field has the wrong kind of value.');
  });
});
