package io.crmkit.examples.desk;

import io.crmkit.core.error.AccessDeniedException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.spring.boot.autoconfigure.CrmSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows about the signed-in user, and how the library's errors show: not found
 * (absent or hidden, the same page), not permitted, bad input.
 */
@ControllerAdvice
class DeskAdvice {
    private final CrmSessions sessions;

    DeskAdvice(CrmSessions sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute
    void user(Authentication auth, Model model) {
        if (auth == null || !auth.isAuthenticated() || !DeskUsers.ROLES.containsKey(auth.getName())) {
            return;
        }
        Actor a = sessions.of(auth).actor();
        model.addAttribute("actor", a);
        model.addAttribute("isRm", a.hasRole("RM"));
        model.addAttribute("isHead", a.hasRole("HEAD_OFFICE"));
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Authentication auth, Model model) {
        user(auth, model);
        response.setStatus(404);
        // The page names what was asked for, never what the library knows about it.
        model.addAttribute("path", request.getRequestURI());
        return "notfound";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response, Authentication auth, Model model) {
        user(auth, model);
        response.setStatus(403);
        return "forbidden";
    }

    @ExceptionHandler(ValidationException.class)
    String invalid(ValidationException e, HttpServletResponse response, Authentication auth, Model model) {
        user(auth, model);
        response.setStatus(400);
        model.addAttribute("message", e.getMessage());
        return "invalid";
    }
}
