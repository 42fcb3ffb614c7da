/**
 * A review place's key: what decisions and comments hang on. It is made from the codings the
 * place is made of (each one's uuid, code and range), so it stays the same while those codings
 * are unchanged and changes as soon as a coder adds, removes, moves or recodes a coding in the
 * place: a decision made on other versions must not silently carry over, and a reviewer acting
 * on a stale queue is told to reload it.
 *
 * key = the first PLACE_KEY_LENGTH hex digits of sha256(placeKeyText(codings)). The hash itself
 * is computed in app/service/reviewPlaces.ts (app/domain has no Node modules).
 */

export const PLACE_KEY_LENGTH = 16;

export interface KeyedCoding {
  uuid: string;
  /** The code's uuid. */
  code: string;
  start: number;
  end: number;
}

/** The text hashed into a place key: "uuid:code:start-end" per coding, sorted, joined by commas. */
export function placeKeyText(codings: readonly KeyedCoding[]): string {
  return codings
    .map((coding) => `${coding.uuid}:${coding.code}:${coding.start}-${coding.end}`)
    .sort()
    .join(',');
}
