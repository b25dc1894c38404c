package io.crmkit.examples.desk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the form posts to Spring Security's login endpoint). */
@Controller
class LoginPage {
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("users", DeskUsers.ROLES);
        model.addAttribute("descriptions", DeskUsers.DESCRIPTIONS);
        return "login";
    }
}
