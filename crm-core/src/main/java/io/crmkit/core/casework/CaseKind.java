package io.crmkit.core.casework;

/** What a case is: a service request (服务请求), a complaint (投诉) or an enquiry (咨询). */
public enum CaseKind {
    SERVICE_REQUEST,
    COMPLAINT,
    ENQUIRY
}
