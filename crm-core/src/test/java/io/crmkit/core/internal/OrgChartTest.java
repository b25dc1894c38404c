package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.spi.CrmStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shared org chart")
class OrgChartTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final CrmStore store = counting(InMemoryCrmStore.create());
    private final AtomicBoolean shareable = new AtomicBoolean(true);
    private final OrgChart chart = new OrgChart(store, System::nanoTime, shareable::get);
    private final OrgUnitId unit = OrgUnitId.of("b1");

    @Test
    @DisplayName("is read once and then shared")
    void sharedOnceRead() {
        chart.units();
        chart.staffOf(unit);
        int first = reads.get();
        chart.units();
        chart.staffOf(unit);
        assertThat(reads.get()).isEqualTo(first).isPositive();
    }

    @Test
    @DisplayName("read by a unit of work with uncommitted org writes, is that unit's own: the next reader reads again")
    void uncommittedReadsAreNotShared() {
        shareable.set(false);
        chart.units();
        chart.staffOf(unit);
        int own = reads.get();
        shareable.set(true);
        chart.units();
        chart.staffOf(unit);
        assertThat(reads.get()).as("a reader after it goes to the store").isGreaterThan(own);
    }

    @Test
    @DisplayName("goes stale on every org write: a scope resolved before it is resolved again")
    void invalidatedByOrgWrites() {
        long before = chart.generation();
        chart.units();
        chart.invalidate();
        int read = reads.get();
        chart.units();
        assertThat(chart.generation()).isGreaterThan(before);
        assertThat(reads.get()).isGreaterThan(read);
    }

    private CrmStore counting(CrmStore target) {
        return (CrmStore) Proxy.newProxyInstance(CrmStore.class.getClassLoader(), new Class<?>[] {CrmStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("orgUnits") || method.getName().equals("staff")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
