package io.crmkit.examples.desk;

import io.crmkit.core.Customer360;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.account.LinkedAccount;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.tier.TierDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.crmkit.spring.boot.autoconfigure.CrmSessions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customer search and the customer 360 page. Both read through the user's session: the list is the
 * library's scoped keyset page, and a customer out of scope is the library's {@link NotFoundException},
 * shown exactly like a missing id.
 */
@Controller
class CustomerPages {
    static final int SEARCH_PAGE = 25;
    static final int TIMELINE_PAGE = 10;

    private final CrmSessions sessions;

    CustomerPages(CrmSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/customers")
    String search(Authentication auth, Model model, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String nationalId,
            @RequestParam(required = false) String after) {
        CrmSession s = sessions.of(auth);
        model.addAttribute("tiers", s.tiers().definitions());
        model.addAttribute("lifecycles", LifecycleStage.values());
        model.addAttribute("tier", blankToNull(tier));
        model.addAttribute("lifecycle", blankToNull(lifecycle));
        model.addAttribute("nationalId", blankToNull(nationalId));
        if (blankToNull(nationalId) != null) {
            // One customer, one record: an identifier finds at most one, and a hidden one is not found.
            Optional<Customer> found;
            try {
                found = s.customers().findByIdentifier(Identifier.nationalId("CN", nationalId.strip()));
            } catch (ValidationException e) {
                model.addAttribute("error", e.getMessage());
                model.addAttribute("customers", List.of());
                return "customers";
            }
            if (found.isPresent()) {
                return "redirect:/customers/" + found.get().id().value();
            }
            model.addAttribute("error", "No customer with this national id.");
            model.addAttribute("customers", List.of());
            return "customers";
        }
        CustomerQuery query = CustomerQuery.all();
        try {
            if (blankToNull(tier) != null) {
                query = query.tier(TierCode.of(tier));
            }
            if (blankToNull(lifecycle) != null) {
                query = query.lifecycle(LifecycleStage.valueOf(lifecycle));
            }
            Page<Customer> page = s.customers().list(query, new PageRequest(blankToNull(after), SEARCH_PAGE));
            model.addAttribute("customers", page.items());
            model.addAttribute("next", page.nextCursor());
        } catch (CrmException | IllegalArgumentException e) {
            model.addAttribute("error", e instanceof CrmException ? e.getMessage() : "unknown lifecycle stage");
            model.addAttribute("customers", List.of());
        }
        return "customers";
    }

    @GetMapping("/customers/{id}")
    String customer(Authentication auth, Model model, @PathVariable String id, @RequestParam(required = false) String after) {
        CrmSession s = sessions.of(auth);
        CustomerId customerId;
        try {
            customerId = CustomerId.of(id);
        } catch (ValidationException e) {
            throw new NotFoundException("Customer", "?"); // a malformed id is just as absent
        }
        Customer360 view = s.customers().view(customerId);
        Page<Interaction> timeline = s.interactions().timeline(customerId, new PageRequest(blankToNull(after), TIMELINE_PAGE));
        List<AccountRow> accounts = new ArrayList<>();
        for (LinkedAccount a : view.accounts()) {
            AccountSnapshot snap = view.latestSnapshots().get(a.id());
            Map<String, Double> mix = new LinkedHashMap<>();
            if (snap != null) {
                snap.assetMix().forEach((k, v) -> mix.put(k.name(), v.doubleValue()));
            }
            accounts.add(new AccountRow(a, snap, snap == null ? "" : Svg.stackedBar("chart-mix", "Asset mix of " + a.externalId(), mix)));
        }
        model.addAttribute("v", view);
        model.addAttribute("c", view.customer());
        model.addAttribute("tierName", view.currentTier().map(TierDefinition::name).orElse("no tier"));
        model.addAttribute("tierHistory", s.tiers().history(customerId));
        model.addAttribute("accounts", accounts);
        model.addAttribute("timeline", timeline.items());
        model.addAttribute("next", timeline.nextCursor());
        model.addAttribute("firstPage", blankToNull(after) == null);
        return "customer";
    }

    /** An account with its newest snapshot and the asset-mix chart of that snapshot. */
    record AccountRow(LinkedAccount account, AccountSnapshot snapshot, String mixSvg) {}

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
