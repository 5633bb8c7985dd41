package com.msaair.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.msaair.localstack.AlertRules;
import com.msaair.localstack.DebianPackages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules load, and each alert fires when it should and only then: promtool (Debian's
 * prometheus package, installed with apt when missing) checks the rules made from the
 * PrometheusRule and runs their unit tests (observability/prometheus/alerts.test.yml).
 */
class AlertRulesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Outside k8s/: the rendered rules are Prometheus files, not manifests, and k8s-check reads every YAML file below k8s/. */
    private static final Path WORK = ROOT.resolve("../target/prometheus-rules");

    @BeforeAll
    static void rulesFileAndTests() throws Exception {
        DebianPackages.ensure("promtool", "prometheus", "promtool tests the alerting rules");
        AlertRules.write(ROOT.resolve("base/monitoring/prometheus-rule.yaml"), WORK.resolve("alerts.rules.yml"));
        Files.copy(ROOT.resolve("../observability/prometheus/alerts.test.yml"), WORK.resolve("alerts.test.yml"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theRulesAreValidPrometheusRules() throws Exception {
        String out = promtool("check", "rules", "alerts.rules.yml");
        assertThat(out).contains("SUCCESS").contains("9 rules found");
    }

    @Test
    void everyAlertHasAUnitTestAndTheyPass() throws Exception {
        String rules = Files.readString(WORK.resolve("alerts.rules.yml"), StandardCharsets.UTF_8);
        String tests = Files.readString(WORK.resolve("alerts.test.yml"), StandardCharsets.UTF_8);
        rules.lines().map(String::strip).filter(l -> l.startsWith("- alert: ")).map(l -> l.substring("- alert: ".length()))
                .forEach(alert -> assertThat(tests).as("a unit test of " + alert).contains("alertname: " + alert));
        String out = promtool("test", "rules", "alerts.test.yml");
        assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
