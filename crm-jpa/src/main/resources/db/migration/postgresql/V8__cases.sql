-- Service cases and SLA policies (issue 15). Same shape as every aggregate table. The SLA monitor
-- reads cases by next due threshold, "which breach next" by breach instant, the reports by survey
-- answer time: one index each, with the id for the ties (and so no scan of every case).
-- Ids order as String.compareTo: COLLATE "C" (see V2).

CREATE TABLE crm_case (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id  VARCHAR(64) COLLATE "C" NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    next_due_at  TIMESTAMP(6) WITH TIME ZONE,
    breach_at    TIMESTAMP(6) WITH TIME ZONE,
    responded_at TIMESTAMP(6) WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_case PRIMARY KEY (id)
);
CREATE INDEX ix_crm_case_customer ON crm_case (customer_id, id);
CREATE INDEX ix_crm_case_due ON crm_case (next_due_at, id);
CREATE INDEX ix_crm_case_breach ON crm_case (breach_at, id);
CREATE INDEX ix_crm_case_responded ON crm_case (responded_at, id);

CREATE TABLE crm_sla_policy (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_sla_policy PRIMARY KEY (id)
);
