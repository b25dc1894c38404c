package io.crmkit.core.consent;

/** What became of a contact the policy decided on: carried out (it counts towards the caps) or refused. */
public enum ContactOutcome {
    CARRIED_OUT,
    REFUSED
}
