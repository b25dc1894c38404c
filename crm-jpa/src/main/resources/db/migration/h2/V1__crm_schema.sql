-- CRMKit schema, H2 2.x (the embedded default). Same shape as the PostgreSQL script.
--
-- Every aggregate table has: a client-generated text id (ULIDs or the host's keys, so inserts
-- batch without IDENTITY round trips), the optimistic-lock version, who/when, and the aggregate's
-- full content as a JSON document in "doc". Columns that a query filters or sorts on are copied
-- out of the document and indexed; one index per repository query. Instants that order results
-- are stored truncated to microseconds plus their nano-of-second, so order is exact.

CREATE TABLE crm_customer (
    id           VARCHAR(64)  NOT NULL,
    customer_type    VARCHAR(32) NOT NULL,
    lifecycle        VARCHAR(32) NOT NULL,
    owner_id         VARCHAR(64),
    branch_id        VARCHAR(64),
    tier_code        VARCHAR(64),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_customer PRIMARY KEY (id)
);
CREATE INDEX ix_crm_customer_owner ON crm_customer (owner_id, id);
CREATE INDEX ix_crm_customer_branch ON crm_customer (branch_id, id);
CREATE INDEX ix_crm_customer_lifecycle ON crm_customer (lifecycle, id);
CREATE INDEX ix_crm_customer_tier ON crm_customer (tier_code, id);

-- identifiers are natural keys: one customer per (type, issuer, value)
CREATE TABLE crm_customer_identifier (
    customer_id  VARCHAR(64)  NOT NULL,
    id_type      VARCHAR(32)  NOT NULL,
    issuer       VARCHAR(64)  NOT NULL,
    id_value     VARCHAR(128) NOT NULL,
    CONSTRAINT uk_crm_customer_identifier UNIQUE (id_type, issuer, id_value),
    CONSTRAINT fk_crm_customer_identifier FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX ix_crm_customer_identifier_customer ON crm_customer_identifier (customer_id);

CREATE TABLE crm_customer_tag (
    customer_id  VARCHAR(64)  NOT NULL,
    tag          VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_crm_customer_tag PRIMARY KEY (customer_id, tag),
    CONSTRAINT fk_crm_customer_tag FOREIGN KEY (customer_id) REFERENCES crm_customer (id)
);
CREATE INDEX ix_crm_customer_tag ON crm_customer_tag (tag, customer_id);

CREATE TABLE crm_contact (
    id           VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    is_primary       BOOLEAN NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_contact PRIMARY KEY (id)
);
CREATE INDEX ix_crm_contact_customer ON crm_contact (customer_id, id);

CREATE TABLE crm_relationship (
    id           VARCHAR(64)  NOT NULL,
    from_customer_id VARCHAR(64) NOT NULL,
    to_customer_id   VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_relationship PRIMARY KEY (id)
);
CREATE INDEX ix_crm_relationship_from ON crm_relationship (from_customer_id, id);
CREATE INDEX ix_crm_relationship_to ON crm_relationship (to_customer_id, id);

-- a customer links a host account at most once
CREATE TABLE crm_account (
    id           VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    host_system      VARCHAR(64) NOT NULL,
    external_id      VARCHAR(128) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_account PRIMARY KEY (id),
    CONSTRAINT uk_crm_account_external UNIQUE (host_system, external_id, customer_id)
);
CREATE INDEX ix_crm_account_customer ON crm_account (customer_id, id);

CREATE TABLE crm_account_snapshot (
    account_id   VARCHAR(64)  NOT NULL,
    as_of        DATE         NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_account_snapshot PRIMARY KEY (account_id, as_of),
    CONSTRAINT fk_crm_account_snapshot FOREIGN KEY (account_id) REFERENCES crm_account (id)
);

-- the external reference makes feed imports idempotent: a second import of the same record fails
CREATE TABLE crm_interaction (
    id           VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurred_nano    INTEGER NOT NULL,
    channel          VARCHAR(32) NOT NULL,
    ext_system       VARCHAR(64),
    ext_id           VARCHAR(128),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_interaction PRIMARY KEY (id),
    CONSTRAINT uk_crm_interaction_external UNIQUE (ext_system, ext_id)
);
-- the timeline (keyset paging, newest first) and the analytics range scan
CREATE INDEX ix_crm_interaction_timeline ON crm_interaction (customer_id, occurred_at, occurred_nano, id);
CREATE INDEX ix_crm_interaction_time ON crm_interaction (occurred_at, occurred_nano, id);

CREATE TABLE crm_pipeline (
    id           VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_pipeline PRIMARY KEY (id)
);

CREATE TABLE crm_opportunity (
    id           VARCHAR(64)  NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    pipeline_id      VARCHAR(64) NOT NULL,
    stage            VARCHAR(64) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    owner_id         VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_opportunity PRIMARY KEY (id)
);
CREATE INDEX ix_crm_opportunity_owner_status ON crm_opportunity (owner_id, status, id);
CREATE INDEX ix_crm_opportunity_owner ON crm_opportunity (owner_id, id);
CREATE INDEX ix_crm_opportunity_stage ON crm_opportunity (pipeline_id, stage, id);
CREATE INDEX ix_crm_opportunity_customer ON crm_opportunity (customer_id, id);

CREATE TABLE crm_task (
    id           VARCHAR(64)  NOT NULL,
    assignee_id      VARCHAR(64) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    due_at           TIMESTAMP(6) WITH TIME ZONE,
    due_nano         INTEGER,
    customer_id      VARCHAR(64),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_task PRIMARY KEY (id)
);
CREATE INDEX ix_crm_task_assignee ON crm_task (assignee_id, status, due_at, due_nano, id);
CREATE INDEX ix_crm_task_customer ON crm_task (customer_id, id);

CREATE TABLE crm_tier_definition (
    code         VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    tier_rank    INTEGER      NOT NULL,
    CONSTRAINT pk_crm_tier_definition PRIMARY KEY (code)
);

-- append-only; ids from a sequence used by Hibernate's pooled optimiser (increment = allocation size)
CREATE SEQUENCE crm_tier_assignment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE crm_tier_assignment (
    id             BIGINT       NOT NULL,
    customer_id    VARCHAR(64)  NOT NULL,
    effective_from TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    effective_nano INTEGER      NOT NULL,
    doc            CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_tier_assignment PRIMARY KEY (id)
);
CREATE INDEX ix_crm_tier_assignment_customer ON crm_tier_assignment (customer_id, effective_from, effective_nano, id);

CREATE TABLE crm_org_unit (
    id           VARCHAR(64)  NOT NULL,
    parent_id        VARCHAR(64),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_org_unit PRIMARY KEY (id)
);
CREATE INDEX ix_crm_org_unit_parent ON crm_org_unit (parent_id, id);

CREATE TABLE crm_staff (
    id           VARCHAR(64)  NOT NULL,
    unit_id          VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_staff PRIMARY KEY (id)
);
CREATE INDEX ix_crm_staff_unit ON crm_staff (unit_id, id);
