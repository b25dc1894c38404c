package io.crmkit.core.casework;

import io.crmkit.core.check.Check;

/**
 * What {@code CaseService.sendSurvey} decided: sent (the host delivers it on the channel), or not
 * and why, as a code: {@code already-surveyed}, {@code no-survey-rule} (the case's policy surveys
 * nobody), {@code capped} (the customer had the policy's maximum of surveys in its window), or a
 * refusal of the contact policy ({@code contact-policy:<reason>}, the
 * {@code ContactReason} in lower case with dashes, such as {@code contact-policy:no-consent}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param sent whether a survey was recorded as sent
 * @param reason {@code sent} or why not
 */
public record SurveyOutcome(CaseId caseId, boolean sent, String reason) {
    public SurveyOutcome {
        Check.notNull(caseId, "caseId");
        Check.notBlank(reason, "reason", 200);
    }
}
