/**
 * Service cases (服务管理): service requests, complaints (客户投诉) and enquiries with a typed status
 * workflow; SLA policies as data (several timers per case over business calendars with holidays and
 * China's adjusted working days, 调休), pauses, warning and breach thresholds and escalation chains;
 * and satisfaction surveys (满意度调查) with CSAT and NPS. The service is
 * {@code io.crmkit.core.CaseService}, reached through {@code crm.as(actor).cases()}.
 *
 * <p>Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.crmkit.core.casework;

import org.jspecify.annotations.NullMarked;
