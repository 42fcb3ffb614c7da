/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) in JSON-LD: one
 * AnnotationCollection whose first page holds one Annotation per coding. Each annotation
 * classifies a passage with a code: its target is the document with a TextPositionSelector
 * (start and end in Unicode code points, end exclusive, as the model defines them) and a
 * TextQuoteSelector (the exact text with up to 32 code points of context on either side).
 */

export interface AnnotationInput {
  id: string;
  documentId: string;
  documentTitle: string;
  codeId: string;
  codePath: string;
  codeColor: string;
  coderId: string;
  coderName: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  memo: string | null;
  created: string;
  modified: string;
}

export const CONTEXT_CODE_POINTS = 32;

const urn = (uuid: string): string => `urn:uuid:${uuid}`;

export function annotationJson(annotation: AnnotationInput): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    { type: 'TextualBody', purpose: 'classifying', value: annotation.codePath, format: 'text/plain', id: urn(annotation.codeId) },
  ];
  if (annotation.memo !== null) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.memo, format: 'text/plain' });
  const quote: Record<string, unknown> = { type: 'TextQuoteSelector', exact: annotation.exact };
  if (annotation.prefix !== '') quote.prefix = annotation.prefix;
  if (annotation.suffix !== '') quote.suffix = annotation.suffix;
  return {
    id: urn(annotation.id),
    type: 'Annotation',
    motivation: 'classifying',
    created: annotation.created,
    modified: annotation.modified,
    creator: { id: urn(annotation.coderId), type: 'Person', name: annotation.coderName },
    body: body.length === 1 ? body[0] : body,
    target: {
      source: urn(annotation.documentId),
      selector: [
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
        quote,
      ],
    },
  };
}

/**
 * The collection as JSON text. Annotations are written one per line inside the page, so a
 * project with 200,000 codings never becomes one giant string of nested objects first.
 */
export function annotationCollectionJson(project: { id: string; name: string; generator: string; generated: string }, annotations: Iterable<AnnotationInput>, total: number): string {
  const parts: string[] = [];
  const head = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: urn(project.id),
    type: 'AnnotationCollection',
    label: project.name,
    total,
    generator: { type: 'Software', name: project.generator },
    generated: project.generated,
  };
  const headText = JSON.stringify(head, null, 2);
  parts.push(`${headText.slice(0, -2)},\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`);
  let first = true;
  for (const annotation of annotations) {
    parts.push(`${first ? '\n' : ',\n'}      ${JSON.stringify(annotationJson(annotation))}`);
    first = false;
  }
  parts.push(`${first ? '' : '\n    '}]\n  }\n}\n`);
  return parts.join('');
}
