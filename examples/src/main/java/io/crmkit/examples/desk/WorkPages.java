package io.crmkit.examples.desk;

import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.opportunity.Opportunity;
import io.crmkit.core.opportunity.OpportunityStatus;
import io.crmkit.core.opportunity.Pipeline;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.opportunity.StageOutcome;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnit;
import io.crmkit.core.org.Staff;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.task.Reminder;
import io.crmkit.core.task.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.crmkit.spring.boot.autoconfigure.CrmSessions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The relationship manager's today list and the pipeline board, read through the user's session. */
@Controller
class WorkPages {
    private final CrmSessions sessions;

    WorkPages(CrmSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/")
    String home(Authentication auth) {
        Actor actor = sessions.of(auth).actor();
        return actor.hasRole("RM") ? "redirect:/today" : actor.hasRole("HEAD_OFFICE") ? "redirect:/dashboard" : "redirect:/customers";
    }

    @GetMapping("/today")
    String today(Authentication auth, Model model) {
        CrmSession s = sessions.of(auth);
        StaffId me = s.actor().staffId();
        List<Task> tasks = new ArrayList<>(s.tasks().openTasks(me));
        tasks.sort(Comparator.comparing(Task::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Reminder> reminders = s.tasks().todaysReminders(me);
        Set<CustomerId> about = new LinkedHashSet<>();
        tasks.forEach(t -> { if (t.customerId() != null) { about.add(t.customerId()); } });
        reminders.forEach(r -> { if (r.customerId() != null) { about.add(r.customerId()); } });
        model.addAttribute("tasks", tasks);
        model.addAttribute("reminders", reminders);
        model.addAttribute("names", names(s, about));
        model.addAttribute("today", java.time.LocalDate.ofInstant(DemoBook.NOW, DemoBook.ZONE));
        return "today";
    }

    @GetMapping("/pipeline")
    String pipeline(Authentication auth, Model model) {
        CrmSession s = sessions.of(auth);
        // Every owner the organisation knows; the library returns only the opportunities in the user's scope.
        Set<StaffId> owners = new LinkedHashSet<>();
        for (OrgUnit unit : s.organisation().units()) {
            for (Staff staff : s.organisation().staffOf(unit.id())) {
                owners.add(staff.id());
            }
        }
        List<Opportunity> open = new ArrayList<>();
        for (StaffId owner : owners) {
            PageRequest page = PageRequest.first(200);
            while (true) {
                Page<Opportunity> p = s.opportunities().byOwner(owner, OpportunityStatus.OPEN, page);
                open.addAll(p.items());
                if (!p.hasNext()) {
                    break;
                }
                page = page.next(p);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Pipeline pipeline : s.opportunities().pipelines()) {
            for (Stage stage : pipeline.stages()) {
                if (stage.outcome() != StageOutcome.OPEN) {
                    continue;
                }
                List<Opportunity> cards = open.stream().filter(o -> o.pipelineId().equals(pipeline.id())
                        && o.stage().equals(stage.code())).sorted(Comparator.comparing((Opportunity o) -> o.amount().amount()).reversed())
                        .toList();
                BigDecimal weighted = cards.stream().map(o -> o.weightedAmount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
                columns.add(new Column(pipeline.name(), stage, cards, weighted));
            }
        }
        Set<CustomerId> about = new LinkedHashSet<>();
        open.forEach(o -> about.add(o.customerId()));
        model.addAttribute("columns", columns);
        model.addAttribute("openCount", open.size());
        model.addAttribute("names", names(s, about));
        return "pipeline";
    }

    /** One stage of the board: its open opportunities, largest first, and their weighted total. */
    record Column(String pipeline, Stage stage, List<Opportunity> cards, BigDecimal weighted) {}

    /** Display names of the customers the user can see (a hidden one has no name to show). */
    static Map<CustomerId, String> names(CrmSession s, Set<CustomerId> ids) {
        Map<CustomerId, String> out = new HashMap<>();
        for (CustomerId id : ids) {
            s.customers().find(id).map(Customer::name).ifPresent(n -> out.put(id, n.display()));
        }
        return out;
    }
}
