-- CRMKit schema, H2 (the embedded default). Same shape as the PostgreSQL script.
CREATE TABLE crm_customer (
    id           VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_crm_customer PRIMARY KEY (id)
);
