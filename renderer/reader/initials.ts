/**
 * Initials for the badge at the end of a coding: the first letters of the first and last words
 * ("Ana Maria Lima" -> "AL"), or the first two letters of a single word ("ana" -> "An"). Counts
 * code points, so a name starting with an astral letter keeps it whole.
 */
export function coderInitials(name: string): string {
  const words = name.trim().split(/[\s._-]+/u).filter((word) => word.length > 0);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!);
  if (words.length === 1) return (first[0]!.toUpperCase() + (first[1] ?? '').toLowerCase());
  const last = Array.from(words[words.length - 1]!);
  return (first[0]! + last[0]!).toUpperCase();
}
