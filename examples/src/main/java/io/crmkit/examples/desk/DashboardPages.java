package io.crmkit.examples.desk;

import io.crmkit.core.CrmSession;
import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.crmkit.spring.boot.autoconfigure.CrmSessions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The nightly dashboard and its printable file. The night covers the whole book, so only a role
 * granting {@link Operation#ANALYTICS_READ} at {@link Depth#ALL} (head office) sees it; the decision
 * is the library's permission model, asked for the user's actor.
 */
@Controller
class DashboardPages {
    private final CrmSessions sessions;
    private final Permissions permissions;
    private final DemoBook.Seeded book;

    DashboardPages(CrmSessions sessions, Permissions deskPermissions, DemoBook.Seeded book) {
        this.sessions = sessions;
        this.permissions = deskPermissions;
        this.book = book;
    }

    @GetMapping("/dashboard")
    String dashboard(Authentication auth, Model model) {
        allowed(auth);
        model.addAttribute("body", DashboardReport.body(book.dashboard(), id -> "/customers/" + id));
        return "dashboard";
    }

    @GetMapping("/dashboard/report.html")
    ResponseEntity<String> report(Authentication auth) {
        allowed(auth);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"nightly-report.html\"")
                .body(DashboardReport.html(book.dashboard()));
    }

    private void allowed(Authentication auth) {
        CrmSession s = sessions.of(auth);
        if (permissions.depth(s.actor(), Operation.ANALYTICS_READ).filter(d -> d == Depth.ALL).isEmpty()) {
            throw new AccessDeniedException(s.actor().id(), Operation.ANALYTICS_READ.code());
        }
    }
}
