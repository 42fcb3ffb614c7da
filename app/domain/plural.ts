/**
 * A count with its noun, as people say it: "1 coding", "2 codings", "1,204 codings". The one
 * place every spoken count goes through, so no message says "1 codings".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : pluralForm}`;
}
