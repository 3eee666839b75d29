-- Dossiers: one per reassessment of an item, with its route (transitions),
-- control measures, notes and evidence links. Stages, parties, measure kinds
-- and statuses are stored as their stable codes (see hrb-dossier.h).
-- Dates are ISO 8601 (YYYY-MM-DD), timestamps ISO 8601 UTC. Money in euros
-- as REAL. price_* columns are confidential (never in committee exports).

CREATE TABLE dossier (
  id                INTEGER PRIMARY KEY,
  item_id           INTEGER NOT NULL REFERENCES item (id) ON DELETE RESTRICT,
  question          TEXT,
  rationale         TEXT,
  uncertainties     INTEGER NOT NULL DEFAULT 0 CHECK (uncertainties BETWEEN 0 AND 127),
  uncertainty_text  TEXT,
  sole_supplier     INTEGER NOT NULL DEFAULT 0 CHECK (sole_supplier IN (0, 1)),
  loe_date          TEXT,
  critical_caution  INTEGER NOT NULL DEFAULT 0 CHECK (critical_caution IN (0, 1)),
  market_text       TEXT,
  parties           INTEGER NOT NULL DEFAULT 0 CHECK (parties BETWEEN 0 AND 255),
  parties_text      TEXT,
  advice_date       TEXT,
  advice_text       TEXT,
  follow_up_date    TEXT,
  price_arrangement TEXT,
  price_net         REAL,
  price_end_date    TEXT,
  created_at        TEXT NOT NULL,
  -- the current state, a copy of the latest transition (kept by the store)
  stage             TEXT NOT NULL DEFAULT 'signalled' CHECK (stage IN
                      ('signalled', 'prioritised', 'question', 'data_collection', 'analysis',
                       'reporting', 'triage', 'decision', 'implementation', 'monitoring',
                       'closed', 'parked', 'dropped')),
  party             TEXT,
  stage_since       TEXT NOT NULL,
  due_date          TEXT,
  look_again        TEXT,
  stage_remark      TEXT,
  parked_from       TEXT,
  first_date        TEXT NOT NULL,
  CHECK (stage <> 'parked' OR look_again IS NOT NULL)
) STRICT;
CREATE INDEX dossier_item ON dossier (item_id);
-- At most one open dossier per item.
CREATE UNIQUE INDEX dossier_open_item ON dossier (item_id) WHERE stage NOT IN ('closed', 'dropped');

CREATE TABLE dossier_transition (
  id           INTEGER PRIMARY KEY,
  dossier_id   INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  stage        TEXT NOT NULL CHECK (stage IN
                 ('signalled', 'prioritised', 'question', 'data_collection', 'analysis',
                  'reporting', 'triage', 'decision', 'implementation', 'monitoring',
                  'closed', 'parked', 'dropped')),
  party        TEXT CHECK (party IS NULL OR party IN
                 ('project_team', 'fms', 'zn', 'zin', 'association', 'holder',
                  'triage_table', 'vws')),
  date         TEXT NOT NULL,
  due_date     TEXT,
  look_again   TEXT,
  remark       TEXT,
  author       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX dossier_transition_dossier ON dossier_transition (dossier_id, date, id);

CREATE TABLE dossier_measure (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN
                     ('restrict_indication', 'place_in_therapy', 'start_stop_criteria',
                      'dose_optimisation', 'price_arrangement', 'pay_for_performance',
                      'appropriate_use', 'registry', 'conditional_continuation', 'removal',
                      'no_change', 'park')),
  description      TEXT,
  owner            TEXT,
  status           TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN
                     ('proposed', 'agreed', 'implemented', 'evaluated')),
  agreed_date      TEXT,
  start_date       TEXT,
  evaluation_date  TEXT
) STRICT;
CREATE INDEX dossier_measure_dossier ON dossier_measure (dossier_id);

CREATE TABLE dossier_note (
  id            INTEGER PRIMARY KEY,
  dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  author        TEXT NOT NULL,
  text          TEXT NOT NULL CHECK (length (trim (text)) > 0),
  confidential  INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1))
) STRICT;
CREATE INDEX dossier_note_dossier ON dossier_note (dossier_id);

CREATE TABLE dossier_link (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  target      TEXT NOT NULL CHECK (length (trim (target)) > 0)
) STRICT;
CREATE INDEX dossier_link_dossier ON dossier_link (dossier_id);

-- The history of dossiers is read-only.
CREATE TRIGGER audit_dossier_no_update BEFORE UPDATE ON audit
  WHEN old.entity IN ('dossier', 'transition', 'measure', 'note', 'link')
BEGIN
  SELECT RAISE (ABORT, 'the history of a dossier cannot be changed');
END;
CREATE TRIGGER audit_dossier_no_delete BEFORE DELETE ON audit
  WHEN old.entity IN ('dossier', 'transition', 'measure', 'note', 'link')
BEGIN
  SELECT RAISE (ABORT, 'the history of a dossier cannot be changed');
END;
