import { createHash } from 'node:crypto';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * A GUID as Gloss stores uuids: lower case, no braces. REFI-QDA allows any case and optional
 * braces, so `{ABC…}` and `abc…` are the same GUID. Undefined when `text` is not a GUID.
 */
export function normalizeGuid(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = GUID.exec(text.trim());
  if (!match || (text.trim().startsWith('{') !== text.trim().endsWith('}'))) return undefined;
  return match[1]!.toLowerCase();
}

export function isGuid(text: string): boolean {
  return normalizeGuid(text) !== undefined;
}

/**
 * A GUID derived from `key` (SHA-256, shaped as an RFC 9562 version 8 UUID), so an export of
 * the same project writes the same GUIDs for the things Gloss has no uuid of its own for.
 */
export function derivedGuid(key: string): string {
  const hex = createHash('sha256').update(key, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
