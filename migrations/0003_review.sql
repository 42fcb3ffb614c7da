-- Gloss project schema, version 3: team review (app/service/review.ts). Append-only: never edit
-- this file once it has landed.
--
-- Every table here has `id INTEGER PRIMARY KEY` and is in store/recorder.ts's RECORDED_TABLES,
-- so each review decision, comment and setting is undone and redone like any other action.

-- How the team codes: blind (each coder's workbench shows only their own codings until the
-- review opens) or open; and which coder holds the consensus (created by the first decision).
CREATE TABLE review_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  blind               INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
  consensus_coder_id  INTEGER REFERENCES coders (id)
);
INSERT INTO review_settings (id, blind, consensus_coder_id) VALUES (1, 0, NULL);

-- One decision on one place where the compared coders' codings meet. The log is a record: the
-- coders' versions and the outcome are kept as the reviewer saw them (code paths and coder
-- names of that moment), so later renames or deletions do not rewrite history.
CREATE TABLE review_decisions (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  document_id        INTEGER NOT NULL REFERENCES documents (id),
  -- The place: a key of the codings it is made of (app/domain/review/placeKey.ts) and the stretch it covers.
  place_key          TEXT NOT NULL,
  start              INTEGER NOT NULL CHECK (start >= 0),
  end                INTEGER NOT NULL CHECK (end > start),
  kind               TEXT NOT NULL CHECK (kind IN ('agreement', 'one-coded', 'different-codes', 'different-boundaries')),
  choice             TEXT NOT NULL CHECK (choice IN ('agree', 'accept', 'merge', 'adjust', 'reject', 'discuss')),
  status             TEXT NOT NULL CHECK (status IN ('agreed', 'disputed', 'resolved')),
  -- With choice 'accept': whose version was taken.
  accepted_coder_id  INTEGER REFERENCES coders (id),
  reviewer_id        INTEGER NOT NULL REFERENCES coders (id),
  -- JSON array of the compared coders' names.
  coders             TEXT NOT NULL,
  -- JSON: [{ coder, segments: [{ code, start, end }] }], every compared coder, as shown.
  versions           TEXT NOT NULL,
  -- JSON: [{ code, start, end }], what the consensus holds in the place after the decision.
  outcome            TEXT NOT NULL,
  reason             TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
);
CREATE INDEX review_decisions_place ON review_decisions (place_key);
CREATE INDEX review_decisions_document ON review_decisions (document_id);

-- The codings a decision was made on ('source') and the consensus codings it made ('result'):
-- each segment's review status is its newest decision's. By uuid, not by foreign key, so that
-- deleting a coding later leaves the log whole.
CREATE TABLE review_decision_codings (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES review_decisions (id),
  coding_uuid  TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('source', 'result'))
);
CREATE INDEX review_decision_codings_coding ON review_decision_codings (coding_uuid, decision_id);
CREATE INDEX review_decision_codings_decision ON review_decision_codings (decision_id);

-- The discussion of a place: a thread of comments, oldest first.
CREATE TABLE review_comments (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  document_id  INTEGER NOT NULL REFERENCES documents (id),
  place_key    TEXT NOT NULL,
  coder_id     INTEGER NOT NULL REFERENCES coders (id),
  body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at   TEXT NOT NULL
);
CREATE INDEX review_comments_place ON review_comments (place_key);
CREATE INDEX review_comments_document ON review_comments (document_id);
