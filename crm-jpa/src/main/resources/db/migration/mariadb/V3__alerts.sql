-- Alerts (issue 16): raised by the real-time engine or host jobs, worked by staff.
-- Same shape as every aggregate table; the owner's open list and the customer's alerts are the
-- two queries, one index each. raised_at is truncated to microseconds, raised_nano keeps the order exact.

CREATE TABLE crm_alert (
    id           VARCHAR(64)  NOT NULL,
    owner_id         VARCHAR(64),
    status           VARCHAR(32) NOT NULL,
    raised_at        DATETIME(6) NOT NULL,
    raised_nano      INTEGER NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          LONGTEXT NOT NULL,
    CONSTRAINT pk_crm_alert PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_crm_alert_owner ON crm_alert (owner_id, status, raised_at, raised_nano, id);
CREATE INDEX ix_crm_alert_customer ON crm_alert (customer_id, id);
