import type { DocumentSummary } from '../../app/service/views.js';
import type { Workbench } from '../app/useWorkbench.js';

/** What leaves the project with a document: said in the delete confirmation. */
export interface DeletionImpact {
  codings: number;
  memos: number;
  attributeValues: number;
}

/** Renaming and deleting documents from the documents pane, through the service. */
export interface DocumentActions {
  rename(document: DocumentSummary, title: string): void;
  remove(document: DocumentSummary): void;
  impact(document: DocumentSummary): Promise<DeletionImpact>;
}

export function documentActions(wb: Workbench): DocumentActions {
  return {
    rename: (document, title) => {
      void wb.mutate('documents.rename', { document: document.id, title }).then((renamed) => {
        if (renamed) wb.notify('info', `Renamed “${document.title}” to “${renamed.title}”.`);
      });
    },
    remove: (document) => {
      void wb.mutate('documents.delete', { document: document.id }).then((deleted) => {
        if (deleted) wb.notify('info', `Deleted “${document.title}”. Ctrl+Z brings it back.`);
      });
    },
    impact: async (document) => {
      // Every coder's codings go, whatever the workbench is showing (blind coding included).
      const [codings, attributes] = await Promise.all([wb.api.run('codings.list', { document: document.id }), wb.api.run('attributes.values', {})]);
      const codingIds = new Set(codings.map((coding) => coding.id));
      const memos = wb.memos.filter(
        (memo) => (memo.target.kind === 'document' && memo.target.id === document.id) || (memo.target.kind === 'coding' && codingIds.has(memo.target.id)),
      ).length;
      const attributeValues = Object.keys(attributes.find((entry) => entry.documentId === document.id)?.values ?? {}).length;
      return { codings: codings.length, memos, attributeValues };
    },
  };
}
