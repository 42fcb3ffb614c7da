import { useCallback, useMemo, useRef, useState } from 'react';
import { plural } from '../../app/domain/plural.js';
import type { PickedFile } from '../../app/service/bridge.js';
import type { MemoView, Segment } from '../../app/service/views.js';
import { AnalysisPane, CENTRE_VIEWS, ViewTabs, type CentreView } from '../analysis/AnalysisPane.js';
import { oneOf, usePersistentOption } from '../analysis/usePersistentOption.js';
import type { Api } from '../api/api.js';
import { CodebookPane, type CodebookActions } from '../codebook/CodebookPane.js';
import { codesByKey, usePinnedCodes } from '../codebook/pins.js';
import { CodingPopover } from '../coding/CodingPopover.js';
import { ReaderPane } from '../coding/ReaderPane.js';
import { RecentCodesStrip } from '../coding/RecentCodesStrip.js';
import { SelectionTools } from '../coding/SelectionTools.js';
import { useCodingActions } from '../coding/useCodingActions.js';
import { documentActions } from '../documents/documentActions.js';
import { DocumentsPane } from '../documents/DocumentsPane.js';
import { importFiles, type FileOutcome } from '../documents/importFiles.js';
import { memoOn } from '../memos/memoOn.js';
import { MemoPanel } from '../memos/MemoPanel.js';
import { useMemoSaver } from '../memos/useMemoSaver.js';
import { CommandPalette } from '../palette/CommandPalette.js';
import type { Reader, ReaderSelection } from '../reader/index.js';
import { BLIND_NOTE, BlindApi } from '../review/blindApi.js';
import { CoderPrompt } from './CoderPrompt.js';
import { Notices } from './Notices.js';
import { TopBar } from './TopBar.js';
import { useExports } from './useExports.js';
import { usePaneWidths } from './usePaneWidths.js';
import { useReaderPlace } from './useReaderPlace.js';
import { useShortcuts } from './useShortcuts.js';
import { useWorkbench } from './useWorkbench.js';

const CODER_KEY = 'gloss.coder';

/** The workbench: documents, the reader or an analysis view, the codebook, memos. */
export function App({ api }: { api: Api }) {
  const [coder, setCoder] = useState<string | null>(() => localStorage.getItem(CODER_KEY));
  const [askCoder, setAskCoder] = useState(false);
  const wb = useWorkbench(api, coder);
  const { widths, startDrag } = usePaneWidths();
  const reader = useRef<Reader | null>(null);
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [coderFilter, setCoderFilter] = useState<string | null>(null);
  const [palette, setPalette] = useState(false);
  const [popover, setPopover] = useState<{ ids: string[]; rect: DOMRect } | null>(null);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [memosOpen, setMemosOpen] = useState(false);
  const [imports, setImports] = useState<FileOutcome[]>([]);
  // The centre view is kept per project, like the analysis views' options: a reload comes back to it.
  const [view, setView] = usePersistentOption<CentreView>({ projectId: wb.project?.id, view: 'workbench' }, 'centre', 'reader', oneOf(...CENTRE_VIEWS.map(([id]) => id)));
  const documentId = wb.document?.id ?? null;
  // Blind coding: the reader, the codebook counts and every analysis view show only this coder's codings.
  const blindCoder = wb.blindCoder;
  const shownCoder = blindCoder ?? coderFilter;
  const analysisWb = useMemo(() => (blindCoder ? { ...wb, api: new BlindApi(wb.api, blindCoder) } : wb), [wb, blindCoder]);

  const askForCoder = useCallback(() => setAskCoder(true), []);
  const coding = useCodingActions(wb, coder, reader, askForCoder);
  const memos = useMemoSaver(wb, coder);
  const exports = useExports(wb);
  const showReader = useCallback(() => setView('reader'), [setView]);
  const place = useReaderPlace(wb, reader, showReader, view === 'reader');

  const chooseCoder = (name: string): void => {
    localStorage.setItem(CODER_KEY, name);
    setCoder(name);
    setAskCoder(false);
  };

  const runImport = useCallback(
    async (files: PickedFile[]): Promise<void> => {
      if (files.length === 0) return;
      const outcomes = await importFiles(wb.api, files, setImports);
      await wb.reload();
      const first = outcomes.findIndex((outcome) => outcome.status === 'imported');
      if (documentId === null && first >= 0) {
        const title = files[first]!.name.replace(/\.[^.]+$/, '');
        const imported = (await wb.api.run('documents.list', {})).find((document) => document.title === title);
        if (imported) await wb.openDocument(imported.id);
      }
    },
    [wb, documentId],
  );
  const pickAndImport = useCallback(async () => runImport(await wb.api.bridge.pickFilesToImport()), [wb, runImport]);

  // Keys 1–9: codes pinned to a number, the other numbers the most recent codes (renderer/codebook/pins.ts).
  const pins = usePinnedCodes(wb.project?.id ?? null);
  const numberedCodes = useMemo(() => codesByKey(pins.pins, wb.recent, wb.codes), [pins.pins, wb.recent, wb.codes]);
  const closePopover = useCallback(() => {
    setPopover((open) => {
      // Back to the passage it was opened on, for the next key.
      if (open) requestAnimationFrame(() => reader.current?.focus());
      return null;
    });
    setHighlighted([]);
  }, []);
  const hasSelection = useCallback(() => reader.current?.getSelection() != null, []);
  const openPalette = useCallback(() => setPalette(true), []);
  const importByPicker = useCallback(() => void pickAndImport(), [pickAndImport]);
  const toggleMemos = useCallback(() => setMemosOpen((open) => !open), []);
  useShortcuts({ api: wb.api, coding, numberedCodes, readerShowing: view === 'reader', hasSelection, openPalette, importFiles: importByPicker, runExport: exports.run, toggleMemos, closePopover });

  const onReaderReady = useCallback((instance: Reader | null) => {
    reader.current = instance;
  }, []);

  // In the order they were opened in, whatever a change does to their order in the document:
  // the coding under the pointer never moves.
  const popoverSegments = useMemo<Segment[]>(() => {
    if (!popover) return [];
    const byId = new Map(wb.segments.map((segment) => [segment.id, segment]));
    return popover.ids.map((id) => byId.get(id)).filter((segment): segment is Segment => segment !== undefined);
  }, [popover, wb.segments]);

  const codebookActions: CodebookActions = {
    apply: (code) => void coding.applyCode(code),
    create: (path) => void coding.createCode(path, false),
    rename: (code, name) => void wb.mutate('codes.update', { code: code.id, name }),
    recolor: (code, color) => void wb.mutate('codes.update', { code: code.id, color }),
    update: (code, fields) => void wb.mutate('codes.update', { code: code.id, ...fields }),
    move: (code, parent) => void wb.mutate('codes.move', { code: code.id, parent: parent?.id ?? null }),
    merge: (source, target) => {
      setSelectedCode(target.id);
      void wb.mutate('codes.merge', { source: source.id, target: target.id });
    },
    remove: (code) => {
      setSelectedCode(null);
      void wb.mutate('codes.delete', { code: code.id });
    },
  };

  const codeMemo = selectedCode ? memoOn(wb.memos, { kind: 'code', code: selectedCode }) : undefined;

  const openMemo = (memo: MemoView): void => {
    if (memo.target.kind === 'document') void wb.openDocument(memo.target.id);
    else if (memo.target.kind === 'code') setSelectedCode(memo.target.id);
    else if (memo.target.kind === 'coding') {
      const codingId = memo.target.id;
      void wb.api.run('codings.list', {}).then((segments) => {
        const segment = segments.find((candidate) => candidate.id === codingId);
        if (segment) place.jumpTo(segment.documentId, segment.start, segment.end);
      });
    }
  };

  const showCoderPrompt = askCoder || (coder === null && wb.project !== null);

  return (
    <div className="app" data-testid="app">
      <TopBar
        projectName={wb.project?.name ?? null}
        projectFile={wb.project?.file}
        coders={wb.coders}
        shownCoder={shownCoder}
        blindCoder={blindCoder}
        coder={coder}
        memosOpen={memosOpen}
        onUndo={() => void coding.history('undo')}
        onRedo={() => void coding.history('redo')}
        onCoderFilter={setCoderFilter}
        onExport={exports.run}
        onToggleMemos={toggleMemos}
        onChangeCoder={askForCoder}
      />

      <div className="workspace" style={{ gridTemplateColumns: `${widths.documents}px 6px minmax(360px, 1fr) 6px ${widths.codebook}px${memosOpen ? ' 300px' : ''}` }}>
        <DocumentsPane
          documents={wb.documents}
          currentId={documentId}
          imports={imports}
          onOpen={(id) => {
            setPopover(null);
            void wb.openDocument(id);
          }}
          onPickFiles={importByPicker}
          onDropFiles={(files) => void runImport(files)}
          onDismissImports={() => setImports([])}
          actions={documentActions(wb)}
        />
        <div className="resize-handle" role="separator" aria-orientation="vertical" aria-label="Resize documents" onPointerDown={(event) => startDrag('documents', event)} />
        <main className="pane reader-pane" aria-label="Reader">
          <ViewTabs view={view} onChange={setView} />
          {view !== 'reader' && blindCoder && view !== 'review' && (
            <p className="blind-banner" role="note">
              {BLIND_NOTE}: these views count only {blindCoder}’s codings.
            </p>
          )}
          {view !== 'reader' && <AnalysisPane view={view} wb={analysisWb} coder={coder} jumpTo={place.jumpTo} />}
          <div className="centre-stack" hidden={view !== 'reader'}>
            <header className="pane-header reader-header">
              <h1 className="document-heading">{wb.document?.title ?? ''}</h1>
              {selection && (
                <SelectionTools selection={selection} onOpenPalette={() => setPalette(true)} onInVivo={() => void coding.inVivo()} />
              )}
            </header>
            <RecentCodesStrip codes={numberedCodes} pinned={new Set(pins.pins.values())} onApply={(code) => void coding.applyCode(code)} />
            <ReaderPane
              document={wb.document}
              segments={wb.segments}
              codes={wb.codes}
              coderFilter={shownCoder}
              highlighted={highlighted}
              onReady={onReaderReady}
              onSelectionChange={setSelection}
              onCodingsClick={(ids, rect) => setPopover({ ids, rect })}
              onScrolled={place.onScrolled}
            />
          </div>
        </main>
        <div className="resize-handle" role="separator" aria-orientation="vertical" aria-label="Resize codebook" onPointerDown={(event) => startDrag('codebook', event)} />
        <CodebookPane
          codes={wb.codes}
          recent={numberedCodes}
          pins={pins}
          hasSelection={selection !== null}
          selectedId={selectedCode}
          onSelect={setSelectedCode}
          actions={codebookActions}
          memo={selectedCode ? { body: codeMemo?.body ?? '', onSave: (body, step) => memos.saveMemo({ kind: 'code', code: selectedCode }, body, step) } : null}
        />
        {memosOpen && (
          <MemoPanel
            memos={wb.memos}
            document={wb.document}
            onSaveProjectMemo={(body, step) => memos.saveMemo({ kind: 'project' }, body, step)}
            onSaveDocumentMemo={(body, step) => (wb.document ? memos.saveMemo({ kind: 'document', document: wb.document.id }, body, step) : undefined)}
            onOpenMemo={openMemo}
            onDeleteMemo={(memo) => void wb.mutate('memos.delete', { memo: memo.id })}
            onClose={() => setMemosOpen(false)}
          />
        )}
      </div>

      <footer className="statusbar">
        <span>
          {plural(wb.documents.length, 'document')} · {plural(wb.codes.length, 'code')} · {plural(wb.project?.counts.codings ?? 0, 'coding')}
          {wb.project?.countsLeaveOut && <span className="muted"> (by every coder but {wb.project.countsLeaveOut})</span>}
        </span>
        <span className="muted">Ctrl+K code · 1–9 pinned or recent codes · Ctrl+I in vivo · Alt+↓/↑ next/previous coding · Enter open coding · Ctrl+F find · Ctrl+Z undo</span>
      </footer>

      {popover && wb.document && popoverSegments.length > 0 && (
        <CodingPopover
          segments={popoverSegments}
          codes={wb.codes}
          text={wb.document.text}
          anchor={popover.rect}
          onRemove={(segment) => void wb.mutate('codings.delete', { coding: segment.id })}
          onChangeCode={(segment, codeId) => void wb.mutate('codings.update', { coding: segment.id, code: codeId })}
          onChangeBounds={(segment, start, end) => void wb.mutate('codings.update', { coding: segment.id, start, end })}
          onMemo={(segment, memo, step) => memos.saveCodingMemo(segment.id, memo, step)}
          onHover={setHighlighted}
          onClose={closePopover}
        />
      )}
      {palette && (
        <CommandPalette
          codes={wb.codes}
          hasSelection={selection !== null}
          onApply={(code) => {
            setPalette(false);
            if (selection) void coding.applyCode(code);
            else setSelectedCode(code.id);
            reader.current?.focus();
          }}
          onCreate={(path) => {
            setPalette(false);
            void coding.createCode(path, selection !== null);
            reader.current?.focus();
          }}
          onClose={() => {
            setPalette(false);
            reader.current?.focus();
          }}
        />
      )}
      {exports.dialog}
      {showCoderPrompt && <CoderPrompt coders={wb.coders.filter((known) => known.name !== wb.review.consensusCoder)} onChoose={chooseCoder} {...(coder ? { onCancel: () => setAskCoder(false) } : {})} />}
      <Notices notices={wb.notices} onDismiss={wb.dismiss} />
    </div>
  );
}
