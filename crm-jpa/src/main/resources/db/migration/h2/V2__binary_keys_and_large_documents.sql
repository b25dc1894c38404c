-- CRMKit schema V2, H2: room for the largest documents the records allow.
--
-- V1 gave "doc" CHARACTER VARYING(1000000), one million characters, but a snapshot at the
-- documented maximum of 10,000 holdings is about two million, and a customer with 50 contact
-- points of 100 consents each is larger still; the in-memory store and the other databases
-- (TEXT, LONGTEXT) hold both. 1,000,000,000 is H2's own limit for CHARACTER VARYING. H2 compares
-- VARCHAR by code unit already (no locale collation), so ids need no change here.

ALTER TABLE crm_customer ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_contact ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_relationship ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_account ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_account_snapshot ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_interaction ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_pipeline ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_opportunity ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_task ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_tier_assignment ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_org_unit ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
ALTER TABLE crm_staff ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000000);
