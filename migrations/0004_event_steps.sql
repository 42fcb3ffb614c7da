-- Undo steps. A memo typed in one sitting is saved many times (every pause in typing), and
-- each save is an event; Ctrl+Z should take back the sitting, not one letter. The workbench
-- names each editing session (one focus of a memo field) with a key, and consecutive 'do'
-- events carrying the same key are undone and redone as one step (store/events.ts).
-- NULL for every event written before this migration and for every action not typed into a
-- field: such events stay one step each, so an upgraded project's history undoes as before.
-- ADD COLUMN changes no row, so the log's append-only triggers are untouched.
ALTER TABLE events ADD COLUMN step TEXT;
