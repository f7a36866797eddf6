package benchmark.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's baseline: plain Camunda 7 as its Spring Boot starter comes (REST API and webapps, default
 * history level, job executor and serialization; no authentication, no authorizations), running a model of the
 * same shape as ours: the same tasks, gateways, async joins, decision table and timers, with none of our SLA
 * clocks, working-day calendar, mail, metrics or access checks.
 *
 * <p>The model is derived from {@code processes/ConnectionApplicationProcess.bpmn} when the server starts, so
 * the baseline follows every change of ours: each working-day timer becomes a fixed duration, our condition
 * beans become plain variable expressions, and the typical-plan delegate becomes a business rule task on the
 * same decision table. Only the application's own Spring configuration is off (security, Flyway, mail): it
 * reads {@code baseline.yml}, never our {@code application.yml}.
 *
 * <p>Started by {@code scripts/bench/run-benchmark.sh}; see BENCHMARKS.md. It lives outside {@code org.powerconnect}
 * on purpose: our application scans that package, and would pick up this class's auto-configuration exclusions
 * (no security, no Flyway) in every test that starts it.
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        FlywayAutoConfiguration.class, MailSenderAutoConfiguration.class})
public class BaselineServer {

    static final String PROCESS = "processes/ConnectionApplicationProcess.bpmn";
    static final String DECISION = "processes/TypicalSupplyPlan.dmn";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BaselineServer.class);
        // our application.yml (security, authorizations, history level, job executor tuning) must not apply
        application.setDefaultProperties(Map.of("spring.config.name", "baseline"));
        application.run(args);
    }

    @Bean
    ApplicationRunner deployBaselineModel(RepositoryService repository) {
        return args -> repository.createDeployment()
                .name("baseline")
                .enableDuplicateFiltering(true)
                .addString("BaselineConnectionProcess.bpmn", baselineModel(read(PROCESS)))
                .addString("TypicalSupplyPlan.dmn", read(DECISION))
                .deploy();
    }

    /** Our model with plain Camunda in place of our SLA timers and condition beans. */
    static String baselineModel(String ours) {
        String model = ours.replace(
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${slaTimers.dueAt(execution)}</bpmn:timeDate>",
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P30D</bpmn:timeDuration>");
        model = replaceAll(model, "\\$\\{supplyPlan\\.requires\\(execution, '([a-z-]+)'\\)\\}",
                m -> "${requiredPermits.contains('" + m.group(1) + "')}");
        model = replaceAll(model, "\\$\\{permits\\.rejected\\(execution, '([a-z-]+)'\\)\\}",
                m -> "${decision == 'REJECTED'}");
        model = model.replace("camunda:delegateExpression=\"${proposeTypicalPlan}\"",
                "camunda:decisionRef=\"TypicalSupplyPlan\" camunda:mapDecisionResult=\"singleResult\" "
                        + "camunda:resultVariable=\"typicalPlan\"");
        // expressions are element texts and attribute values; the documentation may name our beans in prose
        if (Pattern.compile("[>\"]\\$\\{(slaTimers|supplyPlan|permits|proposeTypicalPlan)\\b").matcher(model).find()) {
            throw new IllegalStateException(PROCESS + " uses an expression the baseline does not translate yet");
        }
        return model;
    }

    private static String replaceAll(String text, String regex, Function<MatchResult, String> by) {
        return Pattern.compile(regex).matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
    }

    private static String read(String resource) throws IOException {
        try (var in = BaselineServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Files.readString(Path.of(resource), StandardCharsets.UTF_8);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
