package io.crmkit.core.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The input to add a contact person to a customer.
 *
 * <p>Immutable and thread-safe. Personal data: {@link #toString()} is redacted.
 *
 * @param customerId the customer
 * @param name the person's name
 * @param title job title, or {@code null}
 * @param department department, or {@code null}
 * @param salutation salutation, or {@code null}
 * @param primary whether this becomes the main contact
 * @param contactPoints phones, emails, addresses
 * @param personCustomerId their own customer record, or {@code null}
 */
public record NewContact(@NotNull CustomerId customerId, @NotBlank @Size(max = 200) String name,
        @Size(max = 200) @Nullable String title, @Size(max = 200) @Nullable String department,
        @Size(max = 32) @Nullable String salutation, boolean primary,
        @NotNull @Size(max = 50) List<@NotNull ContactPoint> contactPoints, @Nullable CustomerId personCustomerId) {

    public static NewContact of(CustomerId customerId, String name, @Nullable String title, ContactPoint... points) {
        return new NewContact(customerId, name, title, null, null, false, List.of(points), null);
    }

    @Override
    public String toString() {
        return "NewContact[customerId=" + customerId + ", primary=" + primary + "]";
    }
}
