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

-- Items and medicines an import added (their batch) and the sluis (package
-- lock) status of an item as its source states it. Kept beside item and
-- medicine so that those tables keep their columns.
CREATE TABLE import_item (
  item_id   INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
  batch_id  INTEGER REFERENCES import_batch (id),   -- NULL: not added by an import
  sluis     TEXT
) STRICT;

CREATE TABLE import_medicine (
  medicine_id INTEGER PRIMARY KEY REFERENCES medicine (id) ON DELETE CASCADE,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id)
) STRICT;
