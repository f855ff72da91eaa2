-- Up Migration
-- The clock's recompute round, the provisional-deadlines gauge and a calendar publication read the
-- OPEN items whose deadlines are provisional. The index they had held every item with a provisional
-- flag, and an item keeps its flags when it is decided: in a year whose successor's holidays are
-- not yet published (every December) each item decided kept its entry, so the round and the gauge
-- read a growing history on every round, and the round's ORDER BY id could make the planner walk
-- the primary key through the whole table. This index holds only the open ones (the predicate is
-- exactly the queries' own), ordered by id for the round's claim.
CREATE INDEX case_items_provisional_open ON case_items (region, id)
  WHERE (state NOT IN ('approved', 'rejected', 'cancelled', 'revoked') OR verification_open)
    AND (committed_provisional OR statutory_provisional OR supplement_provisional OR return_provisional OR verification_provisional OR acceptance_provisional);
DROP INDEX case_items_provisional;

-- Down Migration
CREATE INDEX case_items_provisional ON case_items (region)
  WHERE committed_provisional OR statutory_provisional OR supplement_provisional OR return_provisional OR verification_provisional OR acceptance_provisional;
DROP INDEX case_items_provisional_open;
