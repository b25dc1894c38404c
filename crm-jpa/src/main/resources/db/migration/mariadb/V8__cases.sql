-- Service cases and SLA policies (issue 15). Same shape as every aggregate table. The SLA monitor
-- reads cases by next due threshold, "which breach next" by breach instant, the reports by survey
-- answer time: one index each, with the id for the ties (and so no scan of every case).

CREATE TABLE crm_case (
    id           VARCHAR(64)  NOT NULL,
    customer_id  VARCHAR(64)  NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    next_due_at  DATETIME(6),
    breach_at    DATETIME(6),
    responded_at DATETIME(6),
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          LONGTEXT NOT NULL,
    CONSTRAINT pk_crm_case PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_crm_case_customer ON crm_case (customer_id, id);
CREATE INDEX ix_crm_case_due ON crm_case (next_due_at, id);
CREATE INDEX ix_crm_case_breach ON crm_case (breach_at, id);
CREATE INDEX ix_crm_case_responded ON crm_case (responded_at, id);

CREATE TABLE crm_sla_policy (
    id           VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          LONGTEXT NOT NULL,
    CONSTRAINT pk_crm_sla_policy PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
