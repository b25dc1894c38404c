package io.crmkit.tck.governance;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.CrmStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The in-memory store under governance")
class InMemoryGovernanceTest {
    @Nested
    class AccessMatrix extends AccessMatrixKit {
        @Override
        protected CrmStore createStore() {
            return InMemoryCrmStore.create();
        }
    }

    @Nested
    class Audit extends AuditKit {
        @Override
        protected CrmStore createStore() {
            return InMemoryCrmStore.create();
        }
    }

    @Nested
    class AuditChain extends AuditChainKit {
        @Override
        protected CrmStore createStore() {
            return InMemoryCrmStore.create();
        }
    }

    @Nested
    class MakerChecker extends io.crmkit.tck.governance.MakerCheckerKit {
        @Override
        protected CrmStore createStore() {
            return InMemoryCrmStore.create();
        }
    }
}
