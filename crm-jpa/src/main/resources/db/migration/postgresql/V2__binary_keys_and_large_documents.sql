-- CRMKit schema V2, PostgreSQL: ids and keys compare as bytes whatever the cluster's locale.
--
-- A cluster initialised with a non-C locale (en_US.UTF-8 is the usual default) orders VARCHAR
-- by the locale's rules: "a-b" sorts after "aB" there, before it in Java. Keyset paging, "id
-- order" and the compatibility kit's ordering contracts assume String.compareTo order, so every
-- id and key column gets COLLATE "C" (byte order, which for the ASCII ids is String order).
-- Free-text columns (names) keep the database default. PostgreSQL rebuilds the indexes of the
-- altered columns; on a large existing database run this in a maintenance window.

ALTER TABLE crm_customer
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN customer_type TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN lifecycle TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN owner_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN branch_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN tier_code TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_customer_identifier
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN id_type TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN issuer TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN id_value TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE crm_customer_tag
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN tag TYPE VARCHAR(40) COLLATE "C";
ALTER TABLE crm_contact
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_relationship
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN from_customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN to_customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_account
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN host_system TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN external_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_account_snapshot
    ALTER COLUMN account_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_interaction
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN channel TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN ext_system TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN ext_id TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_pipeline
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_opportunity
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN pipeline_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN stage TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN owner_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_task
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN assignee_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_tier_definition
    ALTER COLUMN code TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_tier_assignment
    ALTER COLUMN customer_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_org_unit
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN parent_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE crm_staff
    ALTER COLUMN id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN unit_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN created_by TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN updated_by TYPE VARCHAR(64) COLLATE "C";
