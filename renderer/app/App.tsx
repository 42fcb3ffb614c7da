import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatCodePath } from '../../app/domain/codePath.js';
import type { MenuCommand, PickedFile } from '../../app/service/bridge.js';
import type { Input } from '../../app/service/contract.js';
import type { ExchangeWarning } from '../../app/service/refiViews.js';
import type { CodeView, MemoView, Segment } from '../../app/service/views.js';
import { AnalysisPane, ViewTabs, type CentreView } from '../analysis/AnalysisPane.js';
import { ApiError, type Api } from '../api/api.js';
import { CodebookPane, type CodebookActions } from '../codebook/CodebookPane.js';
import { CodingPopover } from '../coding/CodingPopover.js';
import { ReaderPane } from '../coding/ReaderPane.js';
import { DocumentsPane } from '../documents/DocumentsPane.js';
import { importFiles, type FileOutcome } from '../documents/importFiles.js';
import { requestFind } from '../find/FindBar.js';
import { MemoPanel } from '../memos/MemoPanel.js';
import { CommandPalette } from '../palette/CommandPalette.js';
import type { Reader, ReaderSelection } from '../reader/index.js';
import { BLIND_NOTE, BlindApi } from '../review/blindApi.js';
import { CoderPrompt } from './CoderPrompt.js';
import { ExportDialog } from './ExportDialog.js';
import { initials, isPrimaryModifier, isTypingTarget } from './shortcuts.js';
import { usePaneWidths } from './usePaneWidths.js';
import { useWorkbench } from './useWorkbench.js';

const CODER_KEY = 'gloss.coder';

type ExchangeFormat = 'qdpx' | 'qdc' | 'jsonld';

const EXCHANGE_LABELS: Record<ExchangeFormat, string> = {
  qdpx: 'a REFI-QDA project (.qdpx)',
  qdc: 'a REFI-QDA codebook (.qdc)',
  jsonld: 'Web Annotations (JSON-LD)',
};

const EXPORT_ITEMS: [MenuCommand, string][] = [
  ['export-codebook-csv', 'Codebook (CSV)'],
  ['export-segments-csv', 'Coded segments (CSV)'],
  ['export-qdpx', 'Project for other QDA tools (.qdpx)'],
  ['export-qdc', 'Codebook for other QDA tools (.qdc)'],
  ['export-annotations', 'Web Annotations (JSON-LD)'],
];

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
  const documentId = wb.document?.id ?? null;
  // Blind coding: the reader, the codebook counts and every analysis view show only this coder's codings.
  const blindCoder = wb.blindCoder;
  const shownCoder = blindCoder ?? coderFilter;
  const analysisWb = useMemo(() => (blindCoder ? { ...wb, api: new BlindApi(wb.api, blindCoder) } : wb), [wb, blindCoder]);
  // Centre pane: the Reader or an analysis view; jumpTo opens a passage in the Reader.
  const [view, setView] = useState<CentreView>('reader');
  const pendingJump = useRef<{ documentId: string; start: number; end: number } | null>(null);
  const jumpTo = useCallback(
    (id: string, start: number, end: number): void => {
      pendingJump.current = { documentId: id, start, end };
      setView('reader');
      if (wb.document?.id !== id) void wb.openDocument(id);
      else setJumpTick((tick) => tick + 1);
    },
    [wb],
  );
  const [jumpTick, setJumpTick] = useState(0);
  useEffect(() => {
    const jump = pendingJump.current;
    if (!jump || view !== 'reader' || wb.document?.id !== jump.documentId) return;
    pendingJump.current = null;
    requestAnimationFrame(() => {
      reader.current?.select(jump.start, jump.end);
      reader.current?.focus();
    });
  }, [view, wb.document, jumpTick]);

  const chooseCoder = (name: string): void => {
    localStorage.setItem(CODER_KEY, name);
    setCoder(name);
    setAskCoder(false);
  };

  const applyCode = useCallback(
    async (code: CodeView): Promise<void> => {
      const current = reader.current?.getSelection() ?? null;
      if (!current || !wb.document) {
        wb.notify('info', 'Select a passage in the reader first.');
        return;
      }
      if (!coder) {
        setAskCoder(true);
        return;
      }
      const result = await wb.mutate('codings.apply', { document: wb.document.id, code: code.id, coder, start: current.start, end: current.end });
      if (result) wb.notify('info', `Coded as “${code.path}”`);
    },
    [wb, coder],
  );

  const createCode = useCallback(
    async (path: string, apply: boolean): Promise<void> => {
      const code = await wb.mutate('codes.add', { path });
      if (code && apply) await applyCode(code);
    },
    [wb, applyCode],
  );

  const inVivo = useCallback(async (): Promise<void> => {
    const current = reader.current?.getSelection() ?? null;
    if (!current) {
      wb.notify('info', 'Select the words to use as the code name first.');
      return;
    }
    const name = current.text.replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!name) return;
    const existing = wb.codes.find((code) => code.depth === 0 && code.name.toLowerCase() === name.toLowerCase());
    if (existing) await applyCode(existing);
    else await createCode(formatCodePath([name]), true);
  }, [wb, applyCode, createCode]);

  const history = useCallback(
    async (direction: 'undo' | 'redo'): Promise<void> => {
      try {
        const step = await wb.api.run(direction === 'undo' ? 'history.undo' : 'history.redo', {});
        await wb.reload();
        wb.notify('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.summary}`);
      } catch (error) {
        wb.notify('info', error instanceof ApiError ? error.message : String(error));
      }
    },
    [wb],
  );

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

  const exportCsv = useCallback(
    async (what: 'codebook' | 'segments') => {
      try {
        const { csv } = what === 'codebook' ? await wb.api.run('export.codebookCsv', {}) : await wb.api.run('export.segmentsCsv', {});
        const saved = await wb.api.bridge.saveFile(`${wb.project?.name ?? 'gloss'}-${what}.csv`, csv);
        if (saved) wb.notify('info', `Exported the ${what} as CSV.`);
      } catch (error) {
        wb.notify('error', error instanceof Error ? error.message : String(error));
      }
    },
    [wb],
  );

  /** REFI-QDA and Web Annotation exports: the user sees what the format cannot carry first. */
  const [exchangeExport, setExchangeExport] = useState<{ format: ExchangeFormat; warnings: ExchangeWarning[] } | null>(null);
  const askExchangeExport = useCallback(
    async (format: ExchangeFormat) => {
      try {
        setExchangeExport({ format, warnings: await wb.api.run('exchange.exportWarnings', { format }) });
      } catch (error) {
        wb.notify('error', error instanceof Error ? error.message : String(error));
      }
    },
    [wb],
  );
  const runExchangeExport = useCallback(
    async (format: ExchangeFormat) => {
      setExchangeExport(null);
      const base = wb.project?.name ?? 'gloss';
      try {
        let saved: boolean;
        if (format === 'qdpx') saved = await wb.api.bridge.saveFile(`${base}.qdpx`, (await wb.api.run('exchange.exportQdpx', {})).data);
        else if (format === 'qdc') saved = await wb.api.bridge.saveFile(`${base}-codebook.qdc`, (await wb.api.run('exchange.exportQdc', {})).xml);
        else saved = await wb.api.bridge.saveFile(`${base}-annotations.jsonld`, (await wb.api.run('exchange.exportAnnotations', {})).json);
        if (saved) wb.notify('info', `Exported ${EXCHANGE_LABELS[format]}.`);
      } catch (error) {
        wb.notify('error', error instanceof Error ? error.message : String(error));
      }
    },
    [wb],
  );
  const [exportMenu, setExportMenu] = useState(false);

  const recentCodes = wb.recent;
  const handleCommand = useCallback(
    (command: MenuCommand): void => {
      // In a text field, the menu's Undo and Redo act on the typing, as in any editor.
      const typing = isTypingTarget(document.activeElement);
      if ((command === 'undo' || command === 'redo') && typing) document.execCommand(command);
      else if (command === 'undo') void history('undo');
      else if (command === 'redo') void history('redo');
      else if (command === 'command-palette') setPalette(true);
      else if (command === 'import') void pickAndImport();
      else if (command === 'export-codebook-csv') void exportCsv('codebook');
      else if (command === 'export-segments-csv') void exportCsv('segments');
      else if (command === 'export-qdpx') void askExchangeExport('qdpx');
      else if (command === 'export-qdc') void askExchangeExport('qdc');
      else if (command === 'export-annotations') void askExchangeExport('jsonld');
      else if (command === 'toggle-memos') setMemosOpen((open) => !open);
      else if (command === 'find') requestFind(); // renderer/find: the reader's own find bar
    },
    [history, pickAndImport, exportCsv, askExchangeExport],
  );

  useEffect(() => wb.api.bridge.onMenuCommand(handleCommand), [wb.api, handleCommand]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const typing = isTypingTarget(event.target);
      const key = event.key.toLowerCase();
      if (isPrimaryModifier(event) && key === 'k') {
        event.preventDefault();
        setPalette(true);
      } else if (isPrimaryModifier(event) && key === 'z' && !typing) {
        event.preventDefault();
        void history(event.shiftKey ? 'redo' : 'undo');
      } else if (isPrimaryModifier(event) && key === 'y' && !typing) {
        event.preventDefault();
        void history('redo');
      } else if (isPrimaryModifier(event) && key === 'i' && !typing) {
        event.preventDefault();
        void inVivo();
      } else if (view === 'reader' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[1-9]$/.test(event.key)) {
        const code = recentCodes[Number(event.key) - 1];
        if (code && reader.current?.getSelection()) {
          event.preventDefault();
          void applyCode(code);
        }
      } else if (event.key === 'Escape') {
        setPopover(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, inVivo, applyCode, recentCodes, view]);

  const onReaderReady = useCallback((instance: Reader | null) => {
    reader.current = instance;
  }, []);

  const popoverSegments = useMemo<Segment[]>(
    () => (popover ? wb.segments.filter((segment) => popover.ids.includes(segment.id)) : []),
    [popover, wb.segments],
  );

  const codebookActions: CodebookActions = {
    apply: (code) => void applyCode(code),
    create: (path) => void createCode(path, false),
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

  const saveMemo = (existing: MemoView | undefined, target: Input<'memos.create'>['target'], body: string): void => {
    if (existing) void wb.mutate('memos.update', { memo: existing.id, body });
    else if (body.trim()) void wb.mutate('memos.create', { target, body, ...(coder ? { coder } : {}) });
  };

  const codeMemo = selectedCode ? wb.memos.find((memo) => memo.target.kind === 'code' && memo.target.id === selectedCode) : undefined;

  const openMemo = (memo: MemoView): void => {
    if (memo.target.kind === 'document') void wb.openDocument(memo.target.id);
    else if (memo.target.kind === 'code') setSelectedCode(memo.target.id);
    else if (memo.target.kind === 'coding') {
      const codingId = memo.target.id;
      void wb.api.run('codings.list', {}).then(async (segments) => {
        const segment = segments.find((candidate) => candidate.id === codingId);
        if (!segment) return;
        await wb.openDocument(segment.documentId);
        setTimeout(() => reader.current?.select(segment.start, segment.end), 50);
      });
    }
  };

  const showCoderPrompt = askCoder || (coder === null && wb.project !== null);

  return (
    <div className="app" data-testid="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>
            ❡
          </span>
          <span className="project-name" data-testid="project-name" title={wb.project?.file}>
            {wb.project?.name ?? 'Gloss'}
          </span>
        </div>
        <div className="topbar-tools">
          <button type="button" className="button ghost" onClick={() => void history('undo')} title="Undo (Ctrl+Z)" aria-label="Undo">
            ↶
          </button>
          <button type="button" className="button ghost" onClick={() => void history('redo')} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
            ↷
          </button>
          <label className="coder-filter" title={blindCoder ? BLIND_NOTE : undefined}>
            <span className="muted small">Show</span>
            <select aria-label="Coder filter" value={shownCoder ?? ''} disabled={blindCoder !== null} onChange={(event) => setCoderFilter(event.target.value || null)}>
              <option value="">all coders</option>
              {wb.coders.map((option) => (
                <option key={option.id} value={option.name}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          {blindCoder && (
            <span className="blind-chip" role="note" data-testid="blind-note" title="Each coder sees only their own codings. End blind coding in the Review tab.">
              {BLIND_NOTE}
            </span>
          )}
          <div className="export-menu">
            <button type="button" className="button ghost" aria-haspopup="menu" aria-expanded={exportMenu} onClick={() => setExportMenu((open) => !open)}>
              Export ▾
            </button>
            {exportMenu && (
              <ul className="export-menu-list" role="menu" onMouseLeave={() => setExportMenu(false)}>
                {EXPORT_ITEMS.map(([command, label]) => (
                  <li key={command}>
                    <button
                      type="button"
                      role="menuitem"
                      onClick={() => {
                        setExportMenu(false);
                        handleCommand(command);
                      }}
                    >
                      {label}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="button ghost" onClick={() => setMemosOpen((open) => !open)} aria-pressed={memosOpen} title="Memos">
            Memos
          </button>
          <button type="button" className="coder-chip" onClick={() => setAskCoder(true)} title="Change who is coding" data-testid="current-coder">
            <span className="avatar">{coder ? initials(coder) : '?'}</span>
            {coder ?? 'No coder'}
          </button>
        </div>
      </header>

      <div className="workspace" style={{ gridTemplateColumns: `${widths.documents}px 6px minmax(360px, 1fr) 6px ${widths.codebook}px${memosOpen ? ' 300px' : ''}` }}>
        <DocumentsPane
          documents={wb.documents}
          currentId={documentId}
          imports={imports}
          onOpen={(id) => {
            setPopover(null);
            void wb.openDocument(id);
          }}
          onPickFiles={() => void pickAndImport()}
          onDropFiles={(files) => void runImport(files)}
          onDismissImports={() => setImports([])}
        />
        <div className="resize-handle" role="separator" aria-orientation="vertical" aria-label="Resize documents" onPointerDown={(event) => startDrag('documents', event)} />
        <main className="pane reader-pane" aria-label="Reader">
          <ViewTabs view={view} onChange={setView} />
          {view !== 'reader' && blindCoder && view !== 'review' && (
            <p className="blind-banner" role="note">
              {BLIND_NOTE}: these views count only {blindCoder}’s codings.
            </p>
          )}
          {view !== 'reader' && <AnalysisPane view={view} wb={analysisWb} coder={coder} jumpTo={jumpTo} />}
          <div className="centre-stack" hidden={view !== 'reader'}>
          <header className="pane-header reader-header">
            <h1 className="document-heading">{wb.document?.title ?? ''}</h1>
            {selection && (
              <div className="selection-tools" aria-label="Selection">
                <span className="muted small" data-testid="selection-info">
                  {[...selection.text].length} characters
                </span>
                <button type="button" className="button small" onClick={() => setPalette(true)} title="Apply a code (Ctrl+K)">
                  Code… <kbd>Ctrl K</kbd>
                </button>
                <button type="button" className="button small" onClick={() => void inVivo()} title="Create a code named by the selected words (Ctrl+I)">
                  In vivo <kbd>Ctrl I</kbd>
                </button>
                {wb.recent.slice(0, 9).map((code, i) => (
                  <button key={code.id} type="button" className="chip" onClick={() => void applyCode(code)} title={`Apply “${code.path}” (${i + 1})`}>
                    <kbd>{i + 1}</kbd>
                    <span className="swatch" style={{ background: code.color }} />
                    {code.name}
                  </button>
                ))}
              </div>
            )}
          </header>
          <ReaderPane
            document={wb.document}
            segments={wb.segments}
            codes={wb.codes}
            coderFilter={shownCoder}
            highlighted={highlighted}
            onReady={onReaderReady}
            onSelectionChange={setSelection}
            onCodingsClick={(ids, rect) => setPopover({ ids, rect })}
          />
          </div>
        </main>
        <div className="resize-handle" role="separator" aria-orientation="vertical" aria-label="Resize codebook" onPointerDown={(event) => startDrag('codebook', event)} />
        <CodebookPane
          codes={wb.codes}
          recent={wb.recent}
          hasSelection={selection !== null}
          selectedId={selectedCode}
          onSelect={setSelectedCode}
          actions={codebookActions}
          memo={selectedCode ? { body: codeMemo?.body ?? '', onChange: (body) => saveMemo(codeMemo, { kind: 'code', code: selectedCode }, body) } : null}
        />
        {memosOpen && (
          <MemoPanel
            memos={wb.memos}
            document={wb.document}
            onSaveProjectMemo={(body) => saveMemo(wb.memos.find((memo) => memo.target.kind === 'project'), { kind: 'project' }, body)}
            onSaveDocumentMemo={(body) =>
              wb.document &&
              saveMemo(
                wb.memos.find((memo) => memo.target.kind === 'document' && memo.target.id === wb.document!.id),
                { kind: 'document', document: wb.document.id },
                body,
              )
            }
            onOpenMemo={openMemo}
            onClose={() => setMemosOpen(false)}
          />
        )}
      </div>

      <footer className="statusbar">
        <span>
          {wb.documents.length} documents · {wb.codes.length} codes · {wb.project?.counts.codings ?? 0} codings
        </span>
        <span className="muted">Ctrl+K code · 1–9 recent codes · Ctrl+I in vivo · Ctrl+F find · Ctrl+Z undo · Ctrl+Shift+Z redo</span>
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
          onMemo={(segment, memo) => void wb.mutate('codings.setMemo', { coding: segment.id, memo, ...(coder ? { coder } : {}) })}
          onHover={setHighlighted}
          onClose={() => {
            setPopover(null);
            setHighlighted([]);
          }}
        />
      )}
      {palette && (
        <CommandPalette
          codes={wb.codes}
          hasSelection={selection !== null}
          onApply={(code) => {
            setPalette(false);
            if (selection) void applyCode(code);
            else setSelectedCode(code.id);
            reader.current?.focus();
          }}
          onCreate={(path) => {
            setPalette(false);
            void createCode(path, selection !== null);
            reader.current?.focus();
          }}
          onClose={() => {
            setPalette(false);
            reader.current?.focus();
          }}
        />
      )}
      {exchangeExport && (
        <ExportDialog
          title={`Export ${EXCHANGE_LABELS[exchangeExport.format]}`}
          warnings={exchangeExport.warnings}
          onExport={() => void runExchangeExport(exchangeExport.format)}
          onCancel={() => setExchangeExport(null)}
        />
      )}
      {showCoderPrompt && <CoderPrompt coders={wb.coders.filter((known) => known.name !== wb.review.consensusCoder)} onChoose={chooseCoder} {...(coder ? { onCancel: () => setAskCoder(false) } : {})} />}
      <div className="notices" aria-live="polite">
        {wb.notices.map((notice) => (
          <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="link" aria-label="Dismiss" onClick={() => wb.dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
