-- CRMKit schema, PostgreSQL. Ids are client-generated text (ULIDs or the host's keys), so inserts
-- batch without IDENTITY round trips. Every aggregate row carries its optimistic-lock version.
CREATE TABLE crm_customer (
    id           VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_crm_customer PRIMARY KEY (id)
);
