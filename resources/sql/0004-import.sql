-- Schema for imports: the change log of each import batch and the sluis
-- (package lock) status of an item as its source states it.

CREATE TABLE import_change (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  -- new: item added; removed: item of this source absent from the file;
  -- changed: a field of an item; new-medicine; medicine: a field of a
  -- medicine; rejected: a row left out (--skip-invalid); note: a remark
  kind        TEXT NOT NULL CHECK (kind IN ('new', 'removed', 'changed', 'new-medicine',
                                            'medicine', 'rejected', 'note')),
  item_id     INTEGER REFERENCES item (id) ON DELETE SET NULL,
  medicine_id INTEGER REFERENCES medicine (id) ON DELETE SET NULL,
  row         INTEGER,
  col         INTEGER,
  label       TEXT,
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT
) STRICT;
CREATE INDEX import_change_batch ON import_change (batch_id, id);

-- The sluis (package lock) status of an item as its source states it; kept
-- beside item so that item keeps its columns.
CREATE TABLE import_item (
  item_id   INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
  sluis     TEXT
) STRICT;

-- The medicines and items an import batch added: the id ranges it inserted
-- in its transaction (an import holds the write lock, so they are its own).
CREATE TABLE import_added (
  batch_id       INTEGER PRIMARY KEY REFERENCES import_batch (id) ON DELETE CASCADE,
  first_medicine INTEGER,
  last_medicine  INTEGER,
  first_item     INTEGER,
  last_item      INTEGER
) STRICT;
