import type { FieldErrors } from '../domain/form-input';

/**
 * Adaptive Card 1.5 building blocks. Cards are plain JSON built from data: they never query the store.
 * Forms post with Action.Execute (a verb per action, answered in place by the invoke); navigation buttons
 * send the command as a message (messageBack), so the chat shows what was asked.
 */
export type Json = Record<string, unknown>;
export interface Card extends Json {
  type: 'AdaptiveCard';
  version: '1.5';
  body: Json[];
  actions?: Json[];
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: Json[], actions: Json[] = []): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export const heading = (text: string): Json => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });
export const subheading = (text: string): Json => ({ type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const text = (value: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
export const subtle = (value: string): Json => text(value, { isSubtle: true, size: 'Small' });
export const attention = (value: string): Json => text(value, { color: 'Attention', weight: 'Bolder' });
export const good = (value: string): Json => text(value, { color: 'Good' });
export const facts = (pairs: [string, string][]): Json => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });
export const container = (items: Json[], extra: Json = {}): Json => ({ type: 'Container', items, ...extra });
export const columns = (cols: { items: Json[]; width?: string }[]): Json => ({
  type: 'ColumnSet',
  columns: cols.map((c) => ({ type: 'Column', width: c.width ?? 'stretch', items: c.items })),
});

/** A button that sends `command` as if typed (the chat shows `title`). */
export function commandButton(title: string, command: string): Json {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'messageBack', text: command, displayText: title } } };
}

/** A Universal Action: Teams invokes the bot with `verb` and the card's inputs plus `data`. */
export function execute(title: string, verb: string, data: Json = {}, style?: 'positive' | 'destructive'): Json {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/** The message shown under a field that failed validation (empty when it passed). */
export function fieldError(errors: FieldErrors | undefined, field: string): Json[] {
  const message = errors?.[field];
  return message ? [text(message, { color: 'Attention', size: 'Small', spacing: 'None', id: `${field}-error` })] : [];
}

/** A banner above a form that failed, so the person knows to look for the marked fields. */
export function errorSummary(errors: FieldErrors | undefined): Json[] {
  if (!errors || Object.keys(errors).length === 0) return [];
  // "form" is a problem with the submission as a whole, not a field to look for.
  const n = Object.keys(errors).filter((k) => k !== 'form').length;
  const headline = n === 0 ? [] : [attention(n === 1 ? 'Please correct the field marked below.' : `Please correct the ${n} fields marked below.`)];
  return [container([...headline, ...(errors.form ? [text(errors.form, { color: 'Attention' })] : [])], { style: 'attention' })];
}

export function textInput(id: string, label: string, value: string | undefined, errors: FieldErrors | undefined, extra: Json = {}): Json[] {
  return [{ type: 'Input.Text', id, label, value: value ?? '', ...extra }, ...fieldError(errors, id)];
}

export function dateInput(id: string, label: string, value: string | undefined, errors: FieldErrors | undefined, extra: Json = {}): Json[] {
  return [{ type: 'Input.Date', id, label, value: value ?? '', ...extra }, ...fieldError(errors, id)];
}

export function numberInput(id: string, label: string, value: number | string | undefined, errors: FieldErrors | undefined, extra: Json = {}): Json[] {
  const v = value === undefined || value === '' ? undefined : Number(value);
  return [{ type: 'Input.Number', id, label, ...(v !== undefined && Number.isFinite(v) ? { value: v } : {}), ...extra }, ...fieldError(errors, id)];
}

export function choiceInput(
  id: string,
  label: string,
  choices: { title: string; value: string }[],
  value: string | undefined,
  errors: FieldErrors | undefined,
  extra: Json = {},
): Json[] {
  return [{ type: 'Input.ChoiceSet', id, label, choices, value: value ?? '', ...extra }, ...fieldError(errors, id)];
}

export function toggleInput(id: string, title: string, value: boolean | undefined, errors: FieldErrors | undefined): Json[] {
  return [{ type: 'Input.Toggle', id, title, value: value ? 'true' : 'false', valueOn: 'true', valueOff: 'false' }, ...fieldError(errors, id)];
}

/** Inputs come back as strings; keep what the person typed when a form is shown again with errors. */
export function stringValue(values: Json | undefined, field: string): string | undefined {
  const v = values?.[field];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
