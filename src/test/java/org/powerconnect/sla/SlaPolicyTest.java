package org.powerconnect.sla;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powerconnect.connection.ExternalLineWork.NONE;
import static org.powerconnect.connection.ExternalLineWork.WITHOUT_EXCAVATION;
import static org.powerconnect.connection.ExternalLineWork.WITH_EXCAVATION;
import static org.powerconnect.connection.VoltageClass.EXTRA_HIGH_VOLTAGE;
import static org.powerconnect.connection.VoltageClass.HIGH_VOLTAGE;
import static org.powerconnect.connection.VoltageClass.LOW_VOLTAGE;

/** The limits in sla-config/sla.yaml are those of the Yancheng measures, and a broken file is named at start-up. */
class SlaPolicyTest {

    private final SlaPolicy policy = SlaSettings.load(Path.of("sla-config")).policy();

    @Test
    void shouldHoldTheLimitsOfTheYanchengMeasures() {
        assertThat(days(Stage.ACCEPTANCE, LOW_VOLTAGE, null)).isZero();
        assertThat(days(Stage.SURVEY_OPINION, HIGH_VOLTAGE, null)).isEqualTo(5);
        assertThat(days(Stage.SUPPLY_PLAN, LOW_VOLTAGE, null)).isEqualTo(2);
        assertThat(days(Stage.SUPPLY_PLAN, HIGH_VOLTAGE, null)).isEqualTo(10);
        for (Stage permit : Stage.PERMITS) {
            assertThat(days(permit, HIGH_VOLTAGE, WITH_EXCAVATION)).as(permit.key()).isEqualTo(5);
        }
        assertThat(days(Stage.CONSTRUCTION, LOW_VOLTAGE, WITHOUT_EXCAVATION)).isEqualTo(5);
        assertThat(days(Stage.CONSTRUCTION, LOW_VOLTAGE, WITH_EXCAVATION)).isEqualTo(10);
        assertThat(days(Stage.CONSTRUCTION, HIGH_VOLTAGE, WITHOUT_EXCAVATION)).isEqualTo(30);
        assertThat(days(Stage.CONSTRUCTION, HIGH_VOLTAGE, WITH_EXCAVATION)).isEqualTo(35);
        assertThat(days(Stage.OVERALL, LOW_VOLTAGE, NONE)).isEqualTo(3);
        assertThat(days(Stage.OVERALL, LOW_VOLTAGE, WITHOUT_EXCAVATION)).isEqualTo(15);
        assertThat(days(Stage.OVERALL, LOW_VOLTAGE, WITH_EXCAVATION)).isEqualTo(20);
        assertThat(days(Stage.OVERALL, HIGH_VOLTAGE, NONE)).isEqualTo(15);
        assertThat(days(Stage.OVERALL, HIGH_VOLTAGE, WITHOUT_EXCAVATION)).isEqualTo(65);
        assertThat(days(Stage.OVERALL, HIGH_VOLTAGE, WITH_EXCAVATION)).isEqualTo(70);
    }

    @Test
    void shouldTreatThirtyFiveKilovoltAndAboveByReferenceToHighVoltage() {
        for (Stage stage : new Stage[] {Stage.SUPPLY_PLAN, Stage.CONSTRUCTION, Stage.OVERALL}) {
            for (ExternalLineWork work : new ExternalLineWork[] {WITHOUT_EXCAVATION, WITH_EXCAVATION}) {
                assertThat(days(stage, EXTRA_HIGH_VOLTAGE, work)).as("%s %s", stage, work)
                        .isEqualTo(days(stage, HIGH_VOLTAGE, work));
            }
        }
    }

    @Test
    void shouldApplyTheLongestOverallLimitUntilThePlanDecidesTheExternalLineWork() {
        SlaPolicy.Limit limit = policy.limitFor(Stage.OVERALL, LOW_VOLTAGE, null).orElseThrow();
        assertThat(limit.workingDays()).isEqualTo(20);
        assertThat(limit.basis()).contains("LOW_VOLTAGE").contains("not yet decided");
        assertThat(policy.limitFor(Stage.OVERALL, HIGH_VOLTAGE, WITHOUT_EXCAVATION).orElseThrow().basis())
                .isEqualTo("HIGH_VOLTAGE, WITHOUT_EXCAVATION");
    }

    @Test
    void shouldLeavePowerOnToTheOverallLimit() {
        assertThat(policy.limitFor(Stage.POWER_ON, LOW_VOLTAGE, NONE)).isEmpty();
    }

    @Test
    void shouldRefuseLimitsWithAMissingStage() {
        Map<String, Object> limits = Map.of("acceptance", 0);
        assertThatThrownBy(() -> SlaPolicy.parse(limits, "sla.yaml"))
                .hasMessageContaining("sla.yaml").hasMessageContaining("no limit for stage");
    }

    @Test
    void shouldRefuseAnUnknownStageAndNameIt() {
        assertThatThrownBy(() -> SlaPolicy.parse(Map.of("acceptence", 0), "sla.yaml"))
                .hasMessageContaining("unknown stage 'acceptence'");
    }

    @Test
    void shouldRefuseAConstructionLimitWithoutTheExcavationVariantAndSayWhichIsMissing(@TempDir Path dir)
            throws Exception {
        Files.copy(Path.of("sla-config/cn-workday-calendar.yaml"), dir.resolve("cn-workday-calendar.yaml"));
        String settings = Files.readString(Path.of("sla-config/sla.yaml"))
                .replace("      WITHOUT_EXCAVATION: 30\n      WITH_EXCAVATION: 35\n    EXTRA_HIGH_VOLTAGE:\n      WITHOUT_EXCAVATION: 30",
                        "      WITHOUT_EXCAVATION: 30\n    EXTRA_HIGH_VOLTAGE:\n      WITHOUT_EXCAVATION: 30");
        Files.writeString(dir.resolve("sla.yaml"), settings);

        assertThatThrownBy(() -> SlaSettings.load(dir))
                .hasMessageContaining("limits.construction")
                .hasMessageContaining("HIGH_VOLTAGE with external-line work WITH_EXCAVATION");
    }

    @Test
    void shouldRefuseAnUnreadableCutoffAndNameTheFile(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("sla-config/cn-workday-calendar.yaml"), dir.resolve("cn-workday-calendar.yaml"));
        Files.writeString(dir.resolve("sla.yaml"), Files.readString(Path.of("sla-config/sla.yaml"))
                .replace("office-cutoff: \"17:00\"", "office-cutoff: \"5 pm\""));

        assertThatThrownBy(() -> SlaSettings.load(dir))
                .hasMessageContaining(dir.resolve("sla.yaml").toString()).hasMessageContaining("office-cutoff");
    }

    @Test
    void shouldSayWhereItLookedWhenTheSettingsAreMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> SlaSettings.load(dir)).hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("powerconnect.sla.config-dir");
    }

    private int days(Stage stage, VoltageClass voltageClass, ExternalLineWork work) {
        return policy.limitFor(stage, voltageClass, work).orElseThrow().workingDays();
    }
}
