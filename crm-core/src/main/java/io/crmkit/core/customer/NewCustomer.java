package io.crmkit.core.customer;

import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input to register a customer. Build it with {@link #individual(String)} or
 * {@link #institution(String)}; {@code CustomerService.register} validates all of it at once and
 * reports every violation together.
 *
 * <p>Immutable and thread-safe once built. Personal data: {@link #toString()} is redacted.
 *
 * @param type individual or institution
 * @param legalName the legal name
 * @param preferredName the preferred name, or {@code null}
 * @param localName the name in the local script, or {@code null}
 * @param identifiers identity documents and external keys
 * @param birthDate date of birth or incorporation, or {@code null}
 * @param profile segmentation attributes
 * @param initialStage PROSPECT or ACTIVE
 * @param owner the relationship manager, or {@code null}
 * @param branch the branch, or {@code null}
 * @param tags tags
 * @param contactPoints phones, emails, addresses
 * @param extensions firm-specific fields
 */
public record NewCustomer(@NotNull CustomerType type, @NotBlank @Size(max = 200) String legalName,
        @Size(max = 200) @Nullable String preferredName, @Size(max = 200) @Nullable String localName,
        @NotNull @Size(max = 50) List<@NotNull Identifier> identifiers, @Nullable LocalDate birthDate,
        @NotNull @Valid Profile profile, @NotNull LifecycleStage initialStage, @Nullable StaffId owner,
        @Nullable OrgUnitId branch,
        @NotNull @Size(max = 50) Set<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,39}") String> tags,
        @NotNull @Size(max = 50) List<@NotNull ContactPoint> contactPoints,
        @NotNull @Size(max = 50) Map<@NotNull String, @NotNull ExtensionValue> extensions) {

    public static Builder individual(String legalName) {
        return new Builder(CustomerType.INDIVIDUAL, legalName);
    }

    public static Builder institution(String legalName) {
        return new Builder(CustomerType.INSTITUTION, legalName);
    }

    @Override
    public String toString() {
        return "NewCustomer[type=" + type + ", initialStage=" + initialStage + ", owner=" + owner + ", branch=" + branch + "]";
    }

    /** Collects the fields of a {@link NewCustomer}; not thread-safe. Nothing is checked until registration. */
    public static final class Builder {
        private final CustomerType type;
        private final String legalName;
        private @Nullable String preferredName;
        private @Nullable String localName;
        private final List<Identifier> identifiers = new ArrayList<>();
        private @Nullable LocalDate birthDate;
        private Profile profile = Profile.EMPTY;
        private LifecycleStage initialStage = LifecycleStage.PROSPECT;
        private @Nullable StaffId owner;
        private @Nullable OrgUnitId branch;
        private final Set<String> tags = new LinkedHashSet<>();
        private final List<ContactPoint> contactPoints = new ArrayList<>();
        private final Map<String, ExtensionValue> extensions = new HashMap<>();

        private Builder(CustomerType type, String legalName) {
            this.type = type;
            this.legalName = legalName;
        }

        public Builder preferredName(@Nullable String value) { preferredName = value; return this; }

        public Builder localName(@Nullable String value) { localName = value; return this; }

        public Builder identifier(Identifier value) { identifiers.add(value); return this; }

        /** Date of birth (individual) or incorporation (institution). */
        public Builder birthDate(@Nullable LocalDate value) { birthDate = value; return this; }

        public Builder profile(Profile value) { profile = value; return this; }

        /** Register straight into ACTIVE (an account holder) instead of PROSPECT. */
        public Builder active() { initialStage = LifecycleStage.ACTIVE; return this; }

        public Builder initialStage(LifecycleStage value) { initialStage = value; return this; }

        public Builder owner(@Nullable StaffId value) { owner = value; return this; }

        public Builder branch(@Nullable OrgUnitId value) { branch = value; return this; }

        public Builder tag(String value) { tags.add(value); return this; }

        public Builder contactPoint(ContactPoint value) { contactPoints.add(value); return this; }

        public Builder extension(String field, ExtensionValue value) { extensions.put(field, value); return this; }

        public NewCustomer build() {
            return new NewCustomer(type, legalName, preferredName, localName, new ArrayList<>(identifiers), birthDate,
                    profile, initialStage, owner, branch, new LinkedHashSet<>(tags), new ArrayList<>(contactPoints),
                    new HashMap<>(extensions));
        }
    }
}
