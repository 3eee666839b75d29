-- Schema version 1: medicines, items (medicine × indication), figures with
-- provenance, import batches, the audit trail and database metadata.
-- Money is in euros as REAL; unknown values are NULL, never 0.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) STRICT;

CREATE TABLE medicine (
  id                 INTEGER PRIMARY KEY,
  inn                TEXT NOT NULL CHECK (length (trim (inn)) > 0),
  brand              TEXT,
  atc                TEXT,
  holder             TEXT,
  authorisation_date TEXT,
  ema_status         TEXT,
  orphan             INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
  conditional        INTEGER NOT NULL DEFAULT 0 CHECK (conditional IN (0, 1)),
  exceptional        INTEGER NOT NULL DEFAULT 0 CHECK (exceptional IN (0, 1)),
  accelerated        INTEGER NOT NULL DEFAULT 0 CHECK (accelerated IN (0, 1)),
  atmp               INTEGER NOT NULL DEFAULT 0 CHECK (atmp IN (0, 1)),
  biosimilar         INTEGER NOT NULL DEFAULT 0 CHECK (biosimilar IN (0, 1)),
  generic            INTEGER NOT NULL DEFAULT 0 CHECK (generic IN (0, 1)),
  critical           INTEGER NOT NULL DEFAULT 0 CHECK (critical IN (0, 1)),
  -- folded INN and ATC for case- and accent-insensitive matching
  match_key          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX medicine_atc ON medicine (atc);
CREATE INDEX medicine_match ON medicine (match_key);

CREATE TABLE import_batch (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  file_name    TEXT,
  checksum     TEXT,
  vintage      TEXT,
  imported_at  TEXT NOT NULL,
  author       TEXT,
  n_new        INTEGER NOT NULL DEFAULT 0,
  n_updated    INTEGER NOT NULL DEFAULT 0,
  n_unchanged  INTEGER NOT NULL DEFAULT 0,
  n_rejected   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE item (
  id                    INTEGER PRIMARY KEY,
  medicine_id           INTEGER NOT NULL REFERENCES medicine (id) ON DELETE RESTRICT,
  indication            TEXT,          -- NULL: all indications of the medicine
  domain                TEXT,
  setting               INTEGER NOT NULL DEFAULT 0 CHECK (setting BETWEEN 0 AND 2),
  package_status        INTEGER NOT NULL DEFAULT 0 CHECK (package_status BETWEEN 0 AND 4),
  source_id             TEXT,          -- e.g. the Horizonscan id
  phase                 TEXT,
  expected_registration TEXT,
  therapeutic_value     TEXT,
  loe_date              TEXT,
  deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX item_medicine ON item (medicine_id);
CREATE UNIQUE INDEX item_source_id ON item (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE figure (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
  year           INTEGER,
  patients_low   REAL CHECK (patients_low IS NULL OR patients_low >= 0),
  patients_high  REAL CHECK (patients_high IS NULL OR patients_high >= 0),
  cost_low       REAL CHECK (cost_low IS NULL OR cost_low >= 0),
  cost_high      REAL CHECK (cost_high IS NULL OR cost_high >= 0),
  budget_low     REAL CHECK (budget_low IS NULL OR budget_low >= 0),
  budget_high    REAL CHECK (budget_high IS NULL OR budget_high >= 0),
  source         TEXT NOT NULL,
  vintage        TEXT,
  batch_id       INTEGER REFERENCES import_batch (id),
  list_price     INTEGER NOT NULL DEFAULT 1 CHECK (list_price IN (0, 1)),
  provisional    INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX figure_item ON figure (item_id, vintage, id);

CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  author     TEXT NOT NULL,
  entity     TEXT NOT NULL,   -- 'medicine', 'item', 'figure', ...
  entity_id  INTEGER NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT
) STRICT;
CREATE INDEX audit_entity ON audit (entity, entity_id);
