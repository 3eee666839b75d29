-- Schema version 2: the scoring module. Saved methods with versions (the
-- definition is the method file text, see src/core/scoring/hrb-method-file.c),
-- manual expert scores with their reason, frozen lists ("lijst vaststellen")
-- with a snapshot of their ranked rows and the per-criterion details.

CREATE TABLE method (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  version     INTEGER NOT NULL CHECK (version >= 1),
  definition  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  author      TEXT,
  UNIQUE (name, version)
) STRICT;

CREATE TABLE expert_score (
  item_id  INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
  score    REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
  reason   TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  set_at   TEXT NOT NULL,
  author   TEXT
) STRICT;

CREATE TABLE frozen_list (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  list_date       TEXT NOT NULL,
  stream          INTEGER NOT NULL CHECK (stream IN (0, 1)),
  method_id       INTEGER NOT NULL REFERENCES method (id) ON DELETE RESTRICT,
  method_name     TEXT NOT NULL,
  method_version  INTEGER NOT NULL,
  remark          TEXT,
  created_at      TEXT NOT NULL,
  author          TEXT
) STRICT;

-- One row per item as it was ranked; no reference to item on purpose: the
-- snapshot outlives edits and deletions.
CREATE TABLE frozen_row (
  list_id                 INTEGER NOT NULL REFERENCES frozen_list (id) ON DELETE CASCADE,
  position                INTEGER NOT NULL,
  item_id                 INTEGER NOT NULL,
  medicine                TEXT NOT NULL,
  indication              TEXT,
  domain                  TEXT,
  stream                  INTEGER NOT NULL,
  rank                    INTEGER NOT NULL,
  rank_best               INTEGER NOT NULL,
  rank_worst              INTEGER NOT NULL,
  score                   REAL,
  score_low               REAL,
  score_high              REAL,
  eligible                INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  unstable                INTEGER NOT NULL CHECK (unstable IN (0, 1)),
  sluis                   INTEGER NOT NULL CHECK (sluis IN (0, 1)),
  reason                  TEXT,
  patients_low            REAL,
  patients_high           REAL,
  cost_low                REAL,
  cost_high               REAL,
  budget_low              REAL,
  budget_high             REAL,
  patients                REAL,
  cost                    REAL,
  budget_impact           REAL,
  relative_budget_impact  REAL,
  growth                  REAL,
  uncertainty_points      REAL,
  expert_score            REAL,
  loe_date                TEXT,
  figure_source           TEXT,
  figure_vintage          TEXT,
  PRIMARY KEY (list_id, position)
) STRICT;

CREATE TABLE frozen_detail (
  list_id          INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  criterion        INTEGER NOT NULL,
  criterion_id     TEXT NOT NULL,
  label            TEXT,
  input            REAL,
  input_low        REAL,
  input_high       REAL,
  source           TEXT,
  criterion_score  REAL,
  weight           REAL,
  contribution     REAL,
  PRIMARY KEY (list_id, position, criterion),
  FOREIGN KEY (list_id, position) REFERENCES frozen_row (list_id, position) ON DELETE CASCADE
) STRICT;
