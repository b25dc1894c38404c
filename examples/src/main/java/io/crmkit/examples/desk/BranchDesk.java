package io.crmkit.examples.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The branch desk: a Spring Boot web application over CRMKit on an H2 file store seeded with the
 * demo book ({@link DemoBook}). Pages: customer search, the customer 360, a relationship manager's
 * today list, the pipeline board and the nightly dashboard, all read through governed sessions
 * ({@code crm.as(actor)}), so permissions, data scopes and masks are the library's.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.crmkit.examples.desk.BranchDesk}
 * and open http://localhost:8080 (users {@code rm-001}, {@code rm-101}, {@code bm-001}, {@code ho-001},
 * {@code cc-001}; password {@code demo}). The {@code Crm} comes from CRMKit's Spring Boot starter.
 */
@SpringBootApplication
public class BranchDesk {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BranchDesk.class);
        app.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> {
            Environment env = ready.getApplicationContext().getEnvironment();
            System.out.println("Branch desk answering on http://localhost:" + env.getProperty("local.server.port")
                    + " (users " + String.join(", ", DeskUsers.ROLES.keySet()) + "; password " + DeskUsers.PASSWORD + ")");
        });
        app.run(args);
    }
}
