-- Campaigns and the information service (issue 15): campaigns, their frozen memberships, recorded
-- opens and clicks, content items, subscriptions and deliveries. Same shape as every aggregate table
-- (the document plus the columns queries filter and sort on, one index per query). Ids and keys are
-- COLLATE "C" so that id order is String order whatever the cluster's locale.

CREATE TABLE crm_campaign (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    status       VARCHAR(32) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_campaign PRIMARY KEY (id)
);
CREATE INDEX ix_crm_campaign_status ON crm_campaign (status, id);

CREATE TABLE crm_campaign_member (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    campaign_id  VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id  VARCHAR(64) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_campaign_member PRIMARY KEY (id)
);
CREATE INDEX ix_crm_campaign_member_campaign ON crm_campaign_member (campaign_id, id);
CREATE INDEX ix_crm_campaign_member_customer ON crm_campaign_member (customer_id, id);

CREATE TABLE crm_engagement (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    source_id    VARCHAR(80) COLLATE "C" NOT NULL,
    customer_id  VARCHAR(64) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_engagement PRIMARY KEY (id)
);
CREATE INDEX ix_crm_engagement_source ON crm_engagement (source_id, id);

CREATE TABLE crm_content_item (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    kind         VARCHAR(32) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_content_item PRIMARY KEY (id)
);

CREATE TABLE crm_subscription (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    topic        VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id  VARCHAR(64) COLLATE "C" NOT NULL,
    active       BOOLEAN NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_subscription PRIMARY KEY (id)
);
CREATE INDEX ix_crm_subscription_topic ON crm_subscription (topic, active, id);
CREATE INDEX ix_crm_subscription_customer ON crm_subscription (customer_id, id);

CREATE TABLE crm_delivery (
    id           VARCHAR(64) COLLATE "C" NOT NULL,
    content_id   VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id  VARCHAR(64) COLLATE "C" NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    doc          TEXT NOT NULL,
    CONSTRAINT pk_crm_delivery PRIMARY KEY (id)
);
CREATE INDEX ix_crm_delivery_content ON crm_delivery (content_id, id);
