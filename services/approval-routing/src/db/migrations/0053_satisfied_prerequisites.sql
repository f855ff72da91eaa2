-- Up Migration
-- Prerequisites a plan declares satisfied outside it, by the approval's 批文号 and date, as the
-- latest plan version declared them (the ledger keeps every declaration).
CREATE TABLE case_prerequisites (
  region        text    NOT NULL,
  case_id       uuid    NOT NULL REFERENCES cases (id),
  item_code     text    NOT NULL,
  document_ref  text    NOT NULL,
  -- Null only for the rows below: prerequisites left out of plans before declarations were required.
  approved_on   date,
  plan_version  integer NOT NULL,
  PRIMARY KEY (case_id, item_code)
);

-- Cases planned before this rule left prerequisites out and counted them as done; their planned
-- items keep routing as they would have, with the prerequisite shown as declared without a 批文号
-- (plan version 0) until a revision declares it properly.
INSERT INTO case_prerequisites (region, case_id, item_code, document_ref, approved_on, plan_version)
SELECT DISTINCT i.region, i.case_id, p.code, '', NULL::date, 0
FROM case_items i
CROSS JOIN LATERAL jsonb_array_elements_text(i.terms -> 'prerequisites') AS p(code)
WHERE i.state = 'planned'
  AND NOT EXISTS (SELECT 1 FROM case_items o WHERE o.case_id = i.case_id AND o.item_code = p.code AND o.state <> 'cancelled');

-- Down Migration
DROP TABLE case_prerequisites;
