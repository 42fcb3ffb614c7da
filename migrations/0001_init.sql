-- Gloss project schema, version 1. Append-only: never edit this file once it has landed;
-- change the schema in a new numbered file instead.
--
-- Every table that a user's action changes has `id INTEGER PRIMARY KEY`, so that the event
-- log (store/recorder.ts) can record, undo and redo any row change the same way.
-- Foreign keys do not cascade: the service deletes dependents itself, so each deleted row is
-- recorded and comes back on undo.

CREATE TABLE project (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  uuid        TEXT NOT NULL,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE coders (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX coders_name ON coders (name COLLATE NOCASE);

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  -- Length of `text` in Unicode code points, the unit of every offset.
  length        INTEGER NOT NULL CHECK (length > 0),
  block_count   INTEGER NOT NULL,
  -- sha256 of the canonical text as UTF-8, hex: the same content is imported once.
  sha256        TEXT NOT NULL,
  source_name   TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'pdf')),
  encoding      TEXT,
  imported_at   TEXT NOT NULL,
  -- The large columns come last, so that listing documents never reads past them.
  -- JSON array of { kind, level?, start, end } in code points (app/domain/blocks.ts).
  blocks        TEXT NOT NULL,
  -- Canonical text: the source with BOM removed and CRLF/CR turned into LF.
  text          TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_sha256 ON documents (sha256);
CREATE UNIQUE INDEX documents_title ON documents (title COLLATE NOCASE);

CREATE TABLE attributes (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX attributes_name ON attributes (name COLLATE NOCASE);

CREATE TABLE document_attributes (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents (id),
  attribute_id  INTEGER NOT NULL REFERENCES attributes (id),
  value         TEXT NOT NULL
);
CREATE UNIQUE INDEX document_attributes_pair ON document_attributes (document_id, attribute_id);
CREATE INDEX document_attributes_attribute ON document_attributes (attribute_id);

CREATE TABLE codes (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  parent_id        INTEGER REFERENCES codes (id),
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  color            TEXT NOT NULL CHECK (color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  description      TEXT NOT NULL DEFAULT '',
  definition       TEXT NOT NULL DEFAULT '',
  when_to_use      TEXT NOT NULL DEFAULT '',
  when_not_to_use  TEXT NOT NULL DEFAULT '',
  example          TEXT NOT NULL DEFAULT '',
  position         INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
-- Names are unique among siblings, not across the project; roots share parent 0.
CREATE UNIQUE INDEX codes_sibling_name ON codes (ifnull(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE codings (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  document_id  INTEGER NOT NULL REFERENCES documents (id),
  code_id      INTEGER NOT NULL REFERENCES codes (id),
  coder_id     INTEGER NOT NULL REFERENCES coders (id),
  -- Half-open [start, end) in Unicode code points into the document's canonical text.
  start        INTEGER NOT NULL CHECK (start >= 0),
  end          INTEGER NOT NULL CHECK (end > start),
  -- The exact text of [start, end) (W3C TextQuoteSelector's `exact`).
  quote        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX codings_document ON codings (document_id, start);
-- (code_id, document_id) covers the codebook's per-code segment and document counts.
CREATE INDEX codings_code ON codings (code_id, document_id);
CREATE INDEX codings_coder ON codings (coder_id);

-- A memo is on the project (no target), a document, a code or a coding: at most one target.
CREATE TABLE memos (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  document_id  INTEGER REFERENCES documents (id),
  code_id      INTEGER REFERENCES codes (id),
  coding_id    INTEGER REFERENCES codings (id),
  coder_id     INTEGER REFERENCES coders (id),
  title        TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((document_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1)
);
CREATE INDEX memos_document ON memos (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX memos_code ON memos (code_id) WHERE code_id IS NOT NULL;
-- A coding has one memo, shown beside it in every listing.
CREATE UNIQUE INDEX memos_coding ON memos (coding_id) WHERE coding_id IS NOT NULL;

-- The append-only log of every mutation. `changes` is a JSON array of row changes
-- (store/recorder.ts); an undo or redo is itself an event that names the event it reverts.
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
  operation   TEXT NOT NULL,
  summary     TEXT NOT NULL,
  -- No foreign key: undo may remove the coder row an event names (a coder created by that
  -- very action), and the log must still be kept whole.
  coder_id    INTEGER,
  reverts     INTEGER REFERENCES events (id),
  changes     TEXT NOT NULL
);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
