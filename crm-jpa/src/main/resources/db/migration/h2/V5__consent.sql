-- Consent and contact policy (issue 12): consent records (one per customer, contact point kind and
-- purpose), do-not-contact flags (one row per customer, keyed by its id) and the contact log that
-- feeds the firm-wide frequency caps. Same shape as every aggregate table; the queried columns are
-- copied out of the document and indexed for the policy's reads: a customer's consents, a
-- customer's log by time, and the carried-out log of a chunk of customers since an instant.

CREATE TABLE crm_consent (
    id           VARCHAR(64) NOT NULL,
    customer_id  VARCHAR(64) NOT NULL,
    point        VARCHAR(16)  NOT NULL,
    purpose      VARCHAR(32)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_consent PRIMARY KEY (id),
    CONSTRAINT uk_crm_consent_key UNIQUE (customer_id, point, purpose)
);
CREATE INDEX ix_crm_consent_customer ON crm_consent (customer_id, id);

CREATE TABLE crm_do_not_contact (
    id           VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_do_not_contact PRIMARY KEY (id)
);

CREATE TABLE crm_contact_log (
    id           VARCHAR(64) NOT NULL,
    customer_id  VARCHAR(64) NOT NULL,
    contact_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_contact_log PRIMARY KEY (id)
);
CREATE INDEX ix_crm_contact_log_customer ON crm_contact_log (customer_id, contact_at, id);
CREATE INDEX ix_crm_contact_log_carried ON crm_contact_log (customer_id, outcome, contact_at);
