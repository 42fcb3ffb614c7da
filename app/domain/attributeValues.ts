/**
 * Document attributes (author, year, journal, country, peer-reviewed…) are typed. A value is
 * checked against its type and stored as canonical text:
 *
 *   text     any non-empty text, trimmed
 *   number   a decimal number: 2021, -3.5, 1e3 (a comma is not a decimal point) -> "2021", "-3.5", "1000"
 *   date     an ISO date yyyy-mm-dd that exists on the calendar -> "2021-09-27"
 *   boolean  yes/no, true/false, y/n, 1/0 (any case) -> "true" / "false"
 */
import { GlossError } from './errors.js';

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeValue = string | number | boolean;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE_WORDS = new Set(['yes', 'true', 'y', '1']);
const FALSE_WORDS = new Set(['no', 'false', 'n', '0']);

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The canonical stored text of `raw` as a value of `type`, or a message saying what is wrong. */
export function checkAttributeValue(type: AttributeType, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, message: 'the value is empty' };
  switch (type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      if (!NUMBER.test(text)) {
        const hint = /^[+-]?\d+,\d+$/.test(text) ? ` (write ${text.replace(',', '.')}: the decimal point is a dot)` : '';
        return { ok: false, message: `"${text}" is not a number${hint}` };
      }
      const value = Number(text);
      if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is too large a number` };
      return { ok: true, value: String(value) };
    }
    case 'date': {
      const match = DATE.exec(text);
      if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
        return { ok: false, message: `"${text}" is not a date written yyyy-mm-dd (e.g. 2021-09-27)` };
      }
      return { ok: true, value: text };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: 'true' };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: 'false' };
      return { ok: false, message: `"${text}" is not yes or no (write yes/no or true/false)` };
    }
  }
}

/** Like checkAttributeValue, but throws a GlossError naming the attribute. */
export function normalizeAttributeValue(name: string, type: AttributeType, raw: string): string {
  const checked = checkAttributeValue(type, raw);
  if (!checked.ok) throw new GlossError('invalid_input', `The ${type} attribute "${name}" cannot take this value: ${checked.message}.`);
  return checked.value;
}

/** A stored value as the JSON views give it: numbers and booleans as such. */
export function attributeValueOf(type: AttributeType, stored: string): AttributeValue {
  if (type === 'number') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}

/**
 * The narrowest type all of `values` (non-empty) fit: number, then date, then boolean, else text.
 * "1" and "0" are numbers, not yes/no.
 */
export function inferAttributeType(values: readonly string[]): AttributeType {
  const present = values.map((value) => value.trim()).filter((value) => value.length > 0);
  if (present.length === 0) return 'text';
  for (const type of ['number', 'date', 'boolean'] as const) {
    if (present.every((value) => checkAttributeValue(type, value).ok)) return type;
  }
  return 'text';
}

/** Order two stored values of one type: numbers by value, booleans false first, others as text. */
export function compareAttributeValues(type: AttributeType, a: string, b: string): number {
  if (type === 'number') return Number(a) - Number(b);
  if (type === 'boolean') return (a === 'true' ? 1 : 0) - (b === 'true' ? 1 : 0);
  if (type === 'date') return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b, undefined, { sensitivity: 'accent' });
}

export const CONDITION_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'set', 'unset'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * Whether a document's stored value (undefined when it has none) meets `operator value`. The
 * condition's value is already normalized to the attribute's type. A document without a value
 * meets only 'unset' and '!='.
 */
export function meetsCondition(type: AttributeType, stored: string | undefined, operator: ConditionOperator, value: string | undefined): boolean {
  if (operator === 'set') return stored !== undefined;
  if (operator === 'unset') return stored === undefined;
  if (stored === undefined) return operator === '!=';
  const order = compareAttributeValues(type, stored, value!);
  const equal = type === 'text' ? stored.toLowerCase() === value!.toLowerCase() : order === 0;
  switch (operator) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
