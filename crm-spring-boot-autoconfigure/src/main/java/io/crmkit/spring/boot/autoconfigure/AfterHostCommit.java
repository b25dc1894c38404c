package io.crmkit.spring.boot.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.event.CrmEventListener;

/**
 * Delivers an event after the host's transaction commits when the write ran inside one: the CRM's
 * unit of work "commits" when it ends, but inside a Spring transaction the rows are only final when
 * the host commits, and on a rollback the event never happened. Outside a host transaction the
 * event is delivered at once, as crm-core does. As in crm-core, what a listener throws after the
 * commit is logged by type only and swallowed (a {@link VirtualMachineError} goes on).
 *
 * <p>Thread-safe as the listener is.
 */
final class AfterHostCommit implements CrmEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AfterHostCommit.class);

    private final CrmEventListener listener;
    private final HostTransactionHooks host;

    AfterHostCommit(CrmEventListener listener, HostTransactionHooks host) {
        this.listener = listener;
        this.host = host;
    }

    @Override
    public void on(CrmEvent event) {
        if (host.joined()) {
            host.afterCommit(() -> deliver(event));
        } else {
            listener.on(event);
        }
    }

    private void deliver(CrmEvent event) {
        try {
            listener.on(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // NOPMD: the host's commit is done; a listener must not look like its failure
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("event listener {} threw {} on {} for customer {}", listener.getClass().getName(),
                    e.getClass().getName(), event.getClass().getSimpleName(), event.customerId());
        }
    }

    @Override
    public String toString() {
        return "AfterHostCommit[" + listener + "]";
    }
}
