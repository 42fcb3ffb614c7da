import type { DocumentDeletePreview, DocumentSummary } from '../../app/service/views.js';
import type { Workbench } from '../app/useWorkbench.js';

/** Renaming and deleting documents from the documents pane, through the service. */
export interface DocumentActions {
  rename(document: DocumentSummary, title: string): void;
  remove(document: DocumentSummary): void;
  /** What leaves the project with the document (every coder's codings, whatever the workbench shows). */
  impact(document: DocumentSummary): Promise<DocumentDeletePreview>;
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
        if (deleted) wb.notify('info', `Deleted “${document.title}”. Undo (Ctrl+Z) brings it back.`);
      });
    },
    impact: (document) => wb.api.run('documents.deletePreview', { document: document.id }),
  };
}
