-- Natural keys compare exactly, as String.equals (CrmStore's Javadoc; crm-tck NaturalKeyContract).
-- utf8mb4_bin is case-sensitive but PAD SPACE: it ignores trailing blanks, so the external
-- references 'A-1' and 'A-1 ' (or the host account keys) clashed as duplicates and each found the
-- other. The NO PAD binary collation compares every character. System names cannot contain blanks,
-- and identifier values and issuers are stripped by the domain, so only these two columns need it.
ALTER TABLE crm_interaction MODIFY ext_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE crm_account MODIFY external_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
