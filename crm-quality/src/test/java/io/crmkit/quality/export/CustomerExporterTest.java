package io.crmkit.quality.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CustomerQuery;
import io.crmkit.quality.imports.CustomerImporter;
import io.crmkit.quality.imports.ImportReport;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.source.SourceFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerExporterTest {
    static final OrgUnitId SH = OrgUnitId.of("br-sh"), BJ = OrgUnitId.of("br-bj");
    static final Actor RM_SH = Actor.staff(StaffId.of("rm-1"), SH, "RM");

    /** A CRM where staff see only their own branch's customers. */
    static Crm branchScoped() {
        return Crm.builder().accessPolicy((actor, c) -> actor.orgUnit() == null || Objects.equals(actor.orgUnit(), c.branch())).build();
    }

    static void seed(Crm crm) {
        CrmSession admin = crm.as(Actor.system("seed"));
        admin.customers().register(NewCustomer.individual("=HYPERLINK(\"http://x\")").branch(SH)
                .identifier(Identifier.external("crm", "K1")).contactPoint(ContactPoint.phone("+8613800138000", null)).tag("vip").build());
        admin.customers().register(NewCustomer.individual("Hidden Person").branch(BJ).identifier(Identifier.external("crm", "K2")).build());
        admin.customers().register(NewCustomer.individual("@SUM(A1)").branch(SH).identifier(Identifier.external("crm", "K3")).build());
    }

    @Test
    @DisplayName("CSV export holds only the actor's visible customers, with formula prefixes neutralised")
    void csvRespectsScopeAndNeutralisesFormulas() {
        Crm crm = branchScoped();
        seed(crm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = CustomerExporter.ofDefaults().pageSize(1).export(crm.as(RM_SH), CustomerQuery.all(), SourceFormat.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(n).isEqualTo(2);
        assertThat(csv).doesNotContain("Hidden Person").doesNotContain("K2");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("'@SUM(A1)").contains("'+8613800138000");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("id,type,legalName");
    }

    @Test
    @DisplayName("JSON Lines export: one object per line, values as stored")
    void jsonLinesOneObjectPerLine() {
        Crm crm = branchScoped();
        seed(crm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CustomerExporter.ofDefaults().export(crm.as(RM_SH), CustomerQuery.all(), SourceFormat.JSONL, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"id\":").endsWith("}"));
        assertThat(text).contains("\"phones\":\"+8613800138000\"").endsWith("}\n");
    }

    @TempDir Path dir;

    @Test
    @DisplayName("an exported CSV imports back through a mapping with nothing changed (the formula guard is undone)")
    void exportReimportsUnchanged() throws IOException {
        Crm crm = branchScoped();
        seed(crm);
        Path file = dir.resolve("out.csv");
        try (var os = Files.newOutputStream(file)) {
            CustomerExporter.ofDefaults().export(crm.as(Actor.system("x")), CustomerQuery.all(), SourceFormat.CSV, os);
        }
        String text = Files.readString(file).replace("EXTERNAL_SYSTEM|crm|", "");
        Files.writeString(file, text);
        ImportReport r = CustomerImporter.ofDefaults().run(crm, Actor.system("x"), file,
                ColumnMapping.parse("legalName=legalName\nidentifier.EXTERNAL_SYSTEM.crm=identifiers\nphone=phones\ntags=tags\n"));
        assertThat(r.counts().unchanged()).isEqualTo(3);
    }
}
