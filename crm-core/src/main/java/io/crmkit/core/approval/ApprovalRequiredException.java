package io.crmkit.core.approval;

import io.crmkit.core.error.CrmException;

/**
 * The change needs four eyes: it was not applied, and waits as the pending request
 * {@link #requestId()} until a checker approves it. Nothing else was written.
 *
 * <p>Immutable and thread-safe.
 */
public class ApprovalRequiredException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final PendingRequestId requestId;
    private final String rule;

    public ApprovalRequiredException(PendingRequestId requestId, String rule) {
        super("the change waits for approval as request " + requestId + " (rule " + rule + ")");
        this.requestId = requestId;
        this.rule = rule;
    }

    public PendingRequestId requestId() {
        return requestId;
    }

    public String rule() {
        return rule;
    }
}
