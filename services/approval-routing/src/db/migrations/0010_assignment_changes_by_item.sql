-- Up Migration
-- ListAssignments shows a department's items as they stood at its feed cursor: for an item changed
-- since, it reads the item's last change at or before the cursor, which this index finds at once.
CREATE INDEX assignment_changes_item ON assignment_changes (item_id, xid, seq);

-- Down Migration
DROP INDEX assignment_changes_item;
