package io.crmkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * This module imports Spring Boot's BOM; the library's own dependencies must still resolve to the
 * versions the root pom tests the library with, not to Boot's (older) ones. The expected versions
 * come from the root pom's properties (passed by Surefire), the resolved ones from the jars on the
 * test class path.
 */
@DisplayName("Under Spring Boot's dependency management")
class BootDependencyVersionsTest {
    private static final Pattern JAR = Pattern.compile(".*[/\\\\]([^/\\\\]+)[/\\\\]([^/\\\\]+)[/\\\\]\\1-\\2\\.jar$");

    @Test
    @DisplayName("runs on the Boot version of the build")
    void runsOnTheExpectedBoot() {
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("crmkit.expected.boot"));
    }

    @Test
    @DisplayName("the library's own dependencies keep the versions the root pom tests with")
    void libraryVersionsWin() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String artifact : new String[] {"hibernate-core", "hibernate-validator", "jakarta.validation-api",
                "jakarta.persistence-api", "jackson-databind", "caffeine", "flyway-core", "h2", "slf4j-api", "HikariCP",
                "junit-jupiter-api", "assertj-core", "logback-core"}) {
            String version = System.getProperty("crmkit.expected." + artifact);
            assertThat(version).as("expected version of %s (set by the pom)", artifact).isNotBlank();
            expected.put(artifact, version);
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        expected.keySet().forEach(a -> resolved.put(a, resolvedVersion(a).orElse("absent")));
        assertThat(resolved).isEqualTo(expected);
    }

    @Test
    @DisplayName("the jars that come in pairs stay in step (logback, JUnit, Jackson)")
    void familiesStayInStep() {
        assertThat(resolvedVersion("logback-core")).isEqualTo(resolvedVersion("logback-classic"));
        assertThat(resolvedVersion("junit-jupiter-engine")).isEqualTo(resolvedVersion("junit-jupiter-api"));
        assertThat(resolvedVersion("jackson-core")).isEqualTo(resolvedVersion("jackson-databind"));
        assertThat(resolvedVersion("jackson-datatype-jsr310")).isEqualTo(resolvedVersion("jackson-databind"));
    }

    static Optional<String> resolvedVersion(String artifactId) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Matcher m = JAR.matcher(entry);
            if (m.matches() && m.group(1).equals(artifactId)) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }
}
