package io.crmkit.core.info;

import io.crmkit.core.customer.ConsentPurpose;

/** What a content item is, and the consent purpose pushing it needs. */
public enum ContentKind {
    /** A research report (研究报告): a service the customer subscribed to. */
    RESEARCH_REPORT(ConsentPurpose.INFORMATION),
    /** The pre-market morning note (晨会纪要 / 早报): a subscribed service. */
    MORNING_NOTE(ConsentPurpose.INFORMATION),
    /** A product notice (产品公告): marketing. */
    PRODUCT_NOTICE(ConsentPurpose.MARKETING);

    private final ConsentPurpose purpose;

    ContentKind(ConsentPurpose purpose) {
        this.purpose = purpose;
    }

    /** The consent purpose a push of this kind needs. */
    public ConsentPurpose purpose() {
        return purpose;
    }
}
