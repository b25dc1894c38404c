-- CRMKit schema, MariaDB (InnoDB, utf8mb4, binary collation so ids compare exactly as in Java).
-- Instants are DATETIME(6) in UTC: TIMESTAMP would stop in 2038.
CREATE TABLE crm_customer (
    id           VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_crm_customer PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
