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

ALTER TABLE item ADD COLUMN sluis TEXT;

-- The batch that added a medicine or an item (NULL: added by hand). The
-- change log lists these as "new-medicine" and "new" without a row of its own.
ALTER TABLE medicine ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE item ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
