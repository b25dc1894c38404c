package io.crmkit.core.merge;

/** Whether a merge is in force or was undone. */
public enum MergeStatus {
    /** The duplicate is a tombstone redirecting to the survivor. */
    MERGED,
    /** Unmerged: both records and their children are back as they were. */
    UNDONE
}
