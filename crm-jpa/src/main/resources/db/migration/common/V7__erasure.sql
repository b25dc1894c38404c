-- Erasure (issue 12, right to be forgotten): schedules and certificates, one migration for the
-- three databases. Same shape as every aggregate table; the customer's records and the scheduled
-- job's due list are the two queries. A certificate holds ids, codes, counts and times only.

CREATE TABLE crm_erasure (
    id           VARCHAR(64) ${key_collation} NOT NULL,
    customer_id  VARCHAR(64) ${key_collation} NOT NULL,
    status       VARCHAR(16) ${key_collation} NOT NULL,
    due_at       ${instant_type} NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   ${instant_type} NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   ${instant_type} NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          ${doc_type} NOT NULL,
    CONSTRAINT pk_crm_erasure PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_crm_erasure_customer ON crm_erasure (customer_id, id);
CREATE INDEX ix_crm_erasure_due ON crm_erasure (status, due_at, id);
