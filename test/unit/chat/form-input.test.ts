import { FormReader, MAX_TEXT, capitalise } from '../../../bot/src/domain/form-input';

const reader = (input: Record<string, unknown>, allowed: string[] = Object.keys(input)): FormReader => new FormReader(input, new Set(allowed));

describe('FormReader.text', () => {
  test('trims, and treats blank as missing', () => {
    const f = reader({ a: '  hello  ', b: '   ', c: null });
    expect(f.text('a', 'a')).toBe('hello');
    expect(f.text('b', 'b')).toBeUndefined();
    expect(f.text('c', 'c')).toBeUndefined();
    expect(f.text('missing', 'missing')).toBeUndefined();
    expect(f.ok).toBe(true);
  });

  test('required and missing fails with "Enter <label>."', () => {
    const f = reader({ a: ' ' });
    expect(f.text('a', 'what you learnt', { required: true })).toBeUndefined();
    expect(f.errors).toEqual({ a: 'Enter what you learnt.' });
    expect(f.ok).toBe(false);
  });

  test('too long fails with the limit, formatted en-GB', () => {
    const f = reader({ a: 'x'.repeat(MAX_TEXT + 1), b: 'x'.repeat(11), c: 'x'.repeat(10) });
    expect(f.text('a', 'the reflection')).toBeUndefined();
    expect(f.text('b', 'the note', { max: 10 })).toBeUndefined();
    expect(f.text('c', 'the other', { max: 10 })).toBe('x'.repeat(10));
    expect(f.errors).toEqual({
      a: 'The reflection is too long: at most 4,000 characters.',
      b: 'The note is too long: at most 10 characters.',
    });
  });

  test('numbers and booleans are read as their text', () => {
    const f = reader({ n: 42, b: false });
    expect(f.text('n', 'n')).toBe('42');
    expect(f.text('b', 'b')).toBe('false');
  });

  test.each([
    ['an array', ['a', 'b']],
    ['an object', { a: 1 }],
    ['a nested array', [[1]]],
  ])('%s is the wrong kind of value', (_, value) => {
    const f = reader({ a: value });
    expect(f.text('a', 'a', { required: true })).toBeUndefined();
    expect(f.errors).toEqual({ a: 'This field has the wrong kind of value.' });
  });
});

describe('FormReader.date', () => {
  test('accepts a real date inside the range, inclusive at both ends', () => {
    const f = reader({ a: '2026-02-03', b: '2026-01-01', c: '2026-12-31' });
    const range = { notBefore: '2026-01-01', notAfter: '2026-12-31' };
    expect([f.date('a', 'a', range), f.date('b', 'b', range), f.date('c', 'c', range)]).toEqual(['2026-02-03', '2026-01-01', '2026-12-31']);
    expect(f.ok).toBe(true);
  });

  test.each(['2026-02-30', '03/02/2026', '2026-2-3', 'tomorrow', '20260203'])('%j is not a real date', (value) => {
    const f = reader({ d: value });
    expect(f.date('d', 'the date of the session', {})).toBeUndefined();
    expect(f.errors.d).toBe('The date of the session must be a real date.');
  });

  test('required and missing', () => {
    const f = reader({});
    expect(f.date('d', 'the date', { required: true })).toBeUndefined();
    expect(f.errors.d).toBe('Enter the date.');
  });

  test('not required and missing is fine', () => {
    const f = reader({ d: '' });
    expect(f.date('d', 'the date', {})).toBeUndefined();
    expect(f.ok).toBe(true);
  });

  test('after the range: default and custom messages', () => {
    const f = reader({ a: '2026-02-04', b: '2026-02-04' });
    expect(f.date('a', 'the date', { notAfter: '2026-02-03' })).toBeUndefined();
    expect(f.date('b', 'the date', { notAfter: '2026-02-03', afterMessage: 'Too late.' })).toBeUndefined();
    expect(f.errors).toEqual({ a: 'The date cannot be in the future.', b: 'Too late.' });
  });

  test('before the range: default and custom messages', () => {
    const f = reader({ a: '2026-02-02', b: '2026-02-02' });
    expect(f.date('a', 'the date', { notBefore: '2026-02-03' })).toBeUndefined();
    expect(f.date('b', 'the date', { notBefore: '2026-02-03', beforeMessage: 'Too early.' })).toBeUndefined();
    expect(f.errors).toEqual({ a: 'The date is too far in the past.', b: 'Too early.' });
  });

  test('an object is the wrong kind of value, not a date', () => {
    const f = reader({ d: { year: 2026 } });
    expect(f.date('d', 'the date', { required: true })).toBeUndefined();
    expect(f.errors.d).toBe('This field has the wrong kind of value.');
  });
});

describe('FormReader.number', () => {
  test('reads strings and numbers inside the range, inclusive', () => {
    const f = reader({ a: '90', b: 5, c: ' 480 ', d: '1.5' });
    expect(f.number('a', 'a', { min: 5, max: 480 })).toBe(90);
    expect(f.number('b', 'b', { min: 5, max: 480 })).toBe(5);
    expect(f.number('c', 'c', { min: 5, max: 480 })).toBe(480);
    expect(f.number('d', 'd', { min: 0, max: 200 })).toBe(1.5);
    expect(f.ok).toBe(true);
  });

  test.each([
    ['4', 'The length must be a whole number from 5 to 480.'],
    ['481', 'The length must be a whole number from 5 to 480.'],
    ['90.5', 'The length must be a whole number from 5 to 480.'],
    ['ninety', 'The length must be a whole number from 5 to 480.'],
    ['Infinity', 'The length must be a whole number from 5 to 480.'],
  ])('%j is refused for a whole number', (value, message) => {
    const f = reader({ n: value });
    expect(f.number('n', 'the length', { min: 5, max: 480, whole: true })).toBeUndefined();
    expect(f.errors.n).toBe(message);
  });

  test('a non-whole range message says "a number"', () => {
    const f = reader({ n: '-1' });
    expect(f.number('n', 'the hours', { min: 0, max: 200 })).toBeUndefined();
    expect(f.errors.n).toBe('The hours must be a number from 0 to 200.');
  });

  test('required and missing', () => {
    const f = reader({ n: '' });
    expect(f.number('n', 'the length', { required: true, min: 0, max: 1 })).toBeUndefined();
    expect(f.errors.n).toBe('Enter the length.');
  });

  test('an array is the wrong kind of value', () => {
    const f = reader({ n: [90] });
    expect(f.number('n', 'the length', { min: 0, max: 100 })).toBeUndefined();
    expect(f.errors.n).toBe('This field has the wrong kind of value.');
  });
});

describe('FormReader.choice and choices', () => {
  const options = ['held', 'cancelled'] as const;

  test('choice accepts an option and refuses anything else', () => {
    const f = reader({ a: 'held', b: 'HELD', c: 'postponed' });
    expect(f.choice('a', 'whether it was held', options)).toBe('held');
    expect(f.choice('b', 'whether it was held', options)).toBeUndefined();
    expect(f.choice('c', 'whether it was held', options)).toBeUndefined();
    expect(f.errors).toEqual({ b: 'Choose whether it was held from the list.', c: 'Choose whether it was held from the list.' });
  });

  test('choice required and missing', () => {
    const f = reader({});
    expect(f.choice('a', 'a course', options, { required: true })).toBeUndefined();
    expect(f.errors.a).toBe('Choose a course.');
  });

  test('choices splits the comma list, trims and removes duplicates', () => {
    const f = reader({ a: 'support, management,support,,' });
    expect(f.choices('a', 'function', ['management', 'development', 'support', 'mediation'])).toEqual(['support', 'management']);
    expect(f.ok).toBe(true);
  });

  test('choices: missing is an empty list, or an error when required', () => {
    const f = reader({});
    expect(f.choices('a', 'a', ['x'])).toEqual([]);
    expect(f.ok).toBe(true);
    expect(f.choices('b', 'attendee', ['x'], { required: true })).toEqual([]);
    expect(f.errors).toEqual({ b: 'Choose at least one attendee.' });
  });

  test('choices refuses a value outside the list', () => {
    const f = reader({ a: 'x,intruder' });
    f.choices('a', 'attendee', ['x', 'y']);
    expect(f.errors.a).toBe('Choose attendee from the list.');
  });

  test('choices refuses more than the maximum', () => {
    const f = reader({ a: 'a,b,c', b: 'a,b' });
    f.choices('a', 'x', ['a', 'b', 'c'], { max: 2 });
    f.choices('b', 'x', ['a', 'b', 'c'], { max: 2 });
    expect(f.errors).toEqual({ a: 'Choose at most 2.' });
  });

  test('choices given an array (not the "a,b" string a card sends) is the wrong kind of value', () => {
    const f = reader({ a: ['a', 'b'] });
    expect(f.choices('a', 'x', ['a', 'b'])).toEqual([]);
    expect(f.errors.a).toBe('This field has the wrong kind of value.');
  });
});

describe('FormReader.flag', () => {
  test.each([
    ['true', true],
    [true, true],
    ['false', false],
    [false, false],
    [undefined, false],
    ['', false],
  ])('%j reads as %s', (value, expected) => {
    const f = reader({ a: value });
    expect(f.flag('a')).toBe(expected);
    expect(f.ok).toBe(true);
  });

  test.each(['yes', 'on', '1', 'TRUE'])('%j is refused', (value) => {
    const f = reader({ a: value });
    expect(f.flag('a')).toBe(false);
    expect(f.errors.a).toBe('This must be ticked or not.');
  });

  test('an object is the wrong kind of value', () => {
    const f = reader({ a: { on: true } });
    expect(f.flag('a')).toBe(false);
    expect(f.errors.a).toBe('This field has the wrong kind of value.');
  });
});

describe('FormReader.rejectUnknown and errors', () => {
  test('a field outside the allowed set is refused against "form"', () => {
    const f = new FormReader({ a: '1', sneaky: '2' }, new Set(['a']));
    f.rejectUnknown();
    expect(f.errors).toEqual({ form: 'The form sent a field it does not have ("sneaky"). Please open a fresh form.' });
  });

  test('an allow function is consulted per key', () => {
    const f = new FormReader({ row1: 'x', row2: 'y', other: 'z' }, (k) => k.startsWith('row'));
    f.rejectUnknown();
    expect(f.errors.form).toContain('"other"');
  });

  test('only allowed fields pass', () => {
    const f = new FormReader({ a: '1', b: '2' }, new Set(['a', 'b', 'c']));
    f.rejectUnknown();
    expect(f.ok).toBe(true);
  });

  test('an unknown key is echoed at most 40 characters', () => {
    const key = 'k'.repeat(39) + 'XYZ';
    const f = new FormReader({ [key]: 1 }, new Set());
    f.rejectUnknown();
    expect(f.errors.form).toContain(`"${key.slice(0, 40)}"`);
    expect(f.errors.form).not.toContain('XYZ');
  });

  test('the first problem on a field is the one kept', () => {
    const f = reader({});
    f.fail('a', 'first');
    f.fail('a', 'second');
    f.fail('b', 'other');
    expect(f.errors).toEqual({ a: 'first', b: 'other' });
  });

  test('errors are collected for every field at once', () => {
    const f = reader({ t: '', d: 'nope', n: 'x', c: 'z', fl: 'maybe' });
    f.text('t', 'the text', { required: true });
    f.date('d', 'the date', {});
    f.number('n', 'the number', { min: 0, max: 1 });
    f.choice('c', 'the choice', ['a']);
    f.flag('fl');
    expect(Object.keys(f.errors).sort()).toEqual(['c', 'd', 'fl', 'n', 't']);
  });

  test('capitalise', () => {
    expect(capitalise('the date')).toBe('The date');
    expect(capitalise('')).toBe('');
  });
});
