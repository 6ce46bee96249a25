-- closure_checks held the closed-record check of each solved case as computed when it was saved, and nothing read
-- it: GET /api/cases/:id, the counters and the rollups compute the check from the case under the tenant's policy in
-- force (case_record_completion is in the rollups). One source of truth, so the table goes.
DROP TABLE IF EXISTS closure_checks;
