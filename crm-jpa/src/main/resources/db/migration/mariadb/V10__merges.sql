-- Merge records of duplicate customers (issue 13): the move log and both customers as they were,
-- as one document; a merge is looked up by either of its two customers (the redirect of a merged id
-- and the list of a customer's merges), one index each.

CREATE TABLE crm_merge (
    id           VARCHAR(64)  NOT NULL,
    survivor_id  VARCHAR(64)  NOT NULL,
    duplicate_id VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          LONGTEXT NOT NULL,
    CONSTRAINT pk_crm_merge PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_crm_merge_survivor ON crm_merge (survivor_id, id);
CREATE INDEX ix_crm_merge_duplicate ON crm_merge (duplicate_id, id);
