-- Governance: the audit trail (one hash chain per aggregate) and maker-checker requests.

CREATE TABLE crm_audit_entry (
    id           VARCHAR(64)  NOT NULL,
    stream_type  VARCHAR(64)  NOT NULL,
    stream_id    VARCHAR(200) NOT NULL,
    seq          BIGINT       NOT NULL,
    customer_id  VARCHAR(64),
    actor_id     VARCHAR(64)  NOT NULL,
    entry_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_audit_entry PRIMARY KEY (id),
    CONSTRAINT uk_crm_audit_chain UNIQUE (stream_type, stream_id, seq)
);
CREATE INDEX ix_crm_audit_customer ON crm_audit_entry (customer_id, entry_at, id);
CREATE INDEX ix_crm_audit_actor ON crm_audit_entry (actor_id, entry_at, id);
CREATE INDEX ix_crm_audit_time ON crm_audit_entry (entry_at);

CREATE TABLE crm_pending_request (
    id           VARCHAR(64)  NOT NULL,
    pending_key  VARCHAR(400),
    customer_id  VARCHAR(64),
    status       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_pending_request PRIMARY KEY (id),
    CONSTRAINT uk_crm_pending_key UNIQUE (pending_key)
);
CREATE INDEX ix_crm_pending_customer ON crm_pending_request (customer_id, id);
CREATE INDEX ix_crm_pending_status ON crm_pending_request (status, id);
