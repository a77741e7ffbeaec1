import { plusDays, plusMonths, type LocalDate } from '../domain/dates';
import { FormReader } from '../domain/form-input';
import type { Nudge } from '../domain/nudges';
import type { Store } from '../store/store';
import type { Actor } from './actor';
import { inLineOf } from './line';
import { NotAllowed } from './supervision';

const KINDS: readonly Nudge['kind'][] = ['practitioner', 'manager_digest', 'psw_weekly'];

/** "Remind me tomorrow": no more of this kind of nudge today. */
export async function snoozeNudge(store: Store, actor: Actor, input: Record<string, unknown>, today: LocalDate, now: Date): Promise<LocalDate> {
  const kind = input.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as Nudge['kind'])) throw new NotAllowed('That reminder could not be snoozed. Please type "help".');
  const until = plusDays(today, 1);
  await store.nudges.snooze(actor.tenantId, actor.me.staffId, kind, until, now.toISOString());
  return until;
}

export type BookResult = { ok: true; name: string; date: LocalDate } | { ok: false; message: string };

/** A manager records "supervision booked for <date>", holding back overdue reminders until then. */
export async function recordBooking(store: Store, actor: Actor, input: Record<string, unknown>, today: LocalDate, now: Date): Promise<BookResult> {
  const superviseeId = typeof input.superviseeId === 'string' ? input.superviseeId : '';
  const person = superviseeId ? await inLineOf(store, actor, superviseeId) : undefined;
  if (!person) throw new NotAllowed('You can only record bookings for people in your line.');
  const field = Object.keys(input).find((k) => k.startsWith('booked_') && k.endsWith(superviseeId.replace(/[^A-Za-z0-9_-]/g, '_')));
  const f = new FormReader(field ? { date: input[field] } : {}, new Set(['date']));
  const date = f.date('date', 'the booked date', { required: true, notBefore: today, notAfter: plusMonths(today, 3), beforeMessage: 'The booking must be today or later.', afterMessage: 'Book within the next three months.' });
  if (!date) return { ok: false, message: f.errors.date ?? 'Enter the booked date.' };
  await store.nudges.book(actor.tenantId, person.staffId, date, actor.me.staffId, now.toISOString());
  return { ok: true, name: person.name, date };
}
