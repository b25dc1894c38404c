-- Alerts (issue 16): raised by the real-time engine or host jobs, worked by staff.
-- Same shape as every aggregate table; the owner's open list and the customer's alerts are the
-- two queries, one index each. raised_at is truncated to microseconds, raised_nano keeps the order exact.

CREATE TABLE crm_alert (
    id           VARCHAR(64)  NOT NULL,
    owner_id         VARCHAR(64),
    status           VARCHAR(32) NOT NULL,
    raised_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    raised_nano      INTEGER NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT pk_crm_alert PRIMARY KEY (id)
);
CREATE INDEX ix_crm_alert_owner ON crm_alert (owner_id, status, raised_at, raised_nano, id);
CREATE INDEX ix_crm_alert_customer ON crm_alert (customer_id, id);
