package io.crmkit.core.info;

/**
 * What one delivery run did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param delivered pushes the channels accepted in this run
 * @param failed pushes that failed in this run
 * @param alreadyDone pushes a previous run had recorded (not sent again)
 * @param notDue pushes planned for after the run's cut-off (left for a later run)
 * @param noChannel pushes whose channel the host gave no {@link DeliveryChannel} for
 */
public record PushRun(int delivered, int failed, int alreadyDone, int notDue, int noChannel) {}
