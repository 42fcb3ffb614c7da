-- Gloss project schema, version 2: full-text search, and what the analysis matrices read.
-- Append-only: never edit this file once it has landed.
--
-- Full-text search over documents' canonical text (FTS5).
--
-- Tokenizer: unicode61 with remove_diacritics 2, so case and combining accents are ignored
-- ("Gorski" finds "Górski", "Azerbejdzan" finds "Azerbejdżan", "россия" finds "Россия").
-- A token is a run of Unicode letters and numbers; every other character separates tokens.
--
-- unicode61 leaves alone the letters whose mark is not a combining accent in Unicode (Polish
-- ł, Turkish and Azerbaijani dotless ı, đ, ø, ħ, ŧ) and Russian ё. A reader expects "Lodz" to
-- find "Łódź" and "ежик" to find "ёжик", so the index reads the text through the view below,
-- which replaces each of those letters by its plain one. Every replacement is one UTF-16 unit
-- for one, so positions in the folded text are positions in the canonical text. The search
-- service folds queries the same way (app/domain/searchQuery.ts, SEARCH_FOLDS: keep both in step).
--
-- External content: the index stores no copy of the text; its content is the view, read by id.
-- That keeps 'rebuild' and 'integrity-check' working, and lets highlight() find the exact
-- place of every hit.
-- highlight() reads a document through the view, so a text without any of those letters (most
-- English texts) skips the thirteen replacements after one GLOB scan.
CREATE VIEW document_search_source AS
SELECT id,
  CASE WHEN text GLOB '*[łŁıđĐøØħĦŧŦёЁ]*' THEN
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    text,
    'ł', 'l'), 'Ł', 'L'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ø', 'o'), 'Ø', 'O'),
    'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T'), 'ё', 'е'), 'Ё', 'Е')
  ELSE text END AS text
FROM documents;

CREATE VIRTUAL TABLE document_search USING fts5 (
  text,
  content = 'document_search_source',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Documents come and go by import, delete, undo and redo: the index follows every row change.
-- A deleted row is taken out of the index with the values it was indexed with (FTS5 needs
-- them for external content), folded the same way as the view folds them.
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO document_search (rowid, text) SELECT id, text FROM document_search_source WHERE id = new.id;
END;

CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
BEGIN
  INSERT INTO document_search (document_search, rowid, text) VALUES ('delete', old.id,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      old.text,
      'ł', 'l'), 'Ł', 'L'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ø', 'o'), 'Ø', 'O'),
      'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T'), 'ё', 'е'), 'Ё', 'Е'));
END;

CREATE TRIGGER documents_search_update AFTER UPDATE OF id, text ON documents
BEGIN
  INSERT INTO document_search (document_search, rowid, text) VALUES ('delete', old.id,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      old.text,
      'ł', 'l'), 'Ł', 'L'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ø', 'o'), 'Ø', 'O'),
      'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T'), 'ё', 'е'), 'Ё', 'Е'));
  INSERT INTO document_search (rowid, text) SELECT id, text FROM document_search_source WHERE id = new.id;
END;

-- Documents already in the project (a file created at version 1).
INSERT INTO document_search (rowid, text) SELECT id, text FROM document_search_source;

-- The code × document matrix and the co-occurrence matrix read every coding's document, range,
-- code, coder and uuid, grouped by document and in text order. This index holds all of them,
-- so those reads never touch the table rows (which carry the quotes).
CREATE INDEX codings_document_range ON codings (document_id, start, end, code_id, coder_id, uuid);

