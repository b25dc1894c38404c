package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An integrator who imports crm-bom gets the JUnit the kit is built against: crm-bom imports
 * {@code org.junit:junit-bom} at the same version as the build's {@code junit.version}.
 */
@DisplayName("crm-bom manages the JUnit version the kit is built with")
class BomManagesJUnitTest {
    @Test
    @DisplayName("crm-bom imports junit-bom at the version of the build's junit.version property")
    void bomImportsTheBuildsJUnit() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String bom = Files.readString(Path.of("..", "crm-bom", "pom.xml"));

        Matcher built = Pattern.compile("<junit.version>([^<]+)</junit.version>").matcher(parent);
        Matcher managed = Pattern.compile("<artifactId>junit-bom</artifactId><version>([^<]+)</version><type>pom</type><scope>import</scope>")
                .matcher(bom);

        assertThat(built.find()).as("junit.version in the parent pom").isTrue();
        assertThat(managed.find()).as("a junit-bom import in crm-bom").isTrue();
        assertThat(managed.group(1)).isEqualTo(built.group(1));
    }
}
