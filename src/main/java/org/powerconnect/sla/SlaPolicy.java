package org.powerconnect.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;

/**
 * The time limit of every stage, in working days, as configured in {@code sla-config/sla.yaml}.
 * <p>
 * A limit may depend on the voltage class and on the external-line work. Before the supply plan has
 * decided the external-line work, a limit that depends on it resolves to its longest variant, so that no
 * application is reported late against a plan it does not have.
 */
public final class SlaPolicy {

    /** A resolved limit and the facts it was chosen by, for explaining a due date. */
    public record Limit(int workingDays, String basis) {
    }

    private final Map<Stage, Node> limits;

    private SlaPolicy(Map<Stage, Node> limits) {
        this.limits = limits;
    }

    /** The limit of a stage, or empty for a stage without one of its own (power-on: the overall limit covers it). */
    public Optional<Limit> limitFor(Stage stage, VoltageClass voltageClass, ExternalLineWork externalLineWork) {
        Node node = limits.get(stage);
        if (node == null) {
            return Optional.empty();
        }
        List<String> basis = new ArrayList<>();
        int workingDays = node.resolve(voltageClass, externalLineWork, basis);
        return Optional.of(new Limit(workingDays, basis.isEmpty() ? "all applications" : String.join(", ", basis)));
    }

    /**
     * Reads the {@code limits} map of sla.yaml and checks that every stage and every combination the process
     * can ask for has a limit, so that a gap is found at start-up and not when a clock starts.
     */
    public static SlaPolicy parse(Object limitsNode, String source) {
        if (!(limitsNode instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": 'limits' must be a map of stage key to working days");
        }
        Map<Stage, Node> limits = new EnumMap<>(Stage.class);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Stage stage = Stage.ofKey(key).orElseThrow(() -> new IllegalArgumentException(
                    source + ": unknown stage '" + key + "' in limits; stage keys are "
                            + Arrays.stream(Stage.values()).map(Stage::key).toList()));
            limits.put(stage, Node.parse(entry.getValue(), source + ": limits." + key));
        }
        SlaPolicy policy = new SlaPolicy(limits);
        policy.checkComplete(source);
        return policy;
    }

    private void checkComplete(String source) {
        for (Stage stage : Stage.values()) {
            if (!stage.hasOwnLimit()) {
                continue;
            }
            if (!limits.containsKey(stage)) {
                throw new IllegalArgumentException(source + ": no limit for stage '" + stage.key() + "'");
            }
            for (VoltageClass voltageClass : VoltageClass.values()) {
                for (ExternalLineWork work : externalLineWorkKnownAt(stage)) {
                    try {
                        limitFor(stage, voltageClass, work);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(source + ": limits." + stage.key() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** Which external-line work a clock of this stage can be started or re-based with. */
    private static List<ExternalLineWork> externalLineWorkKnownAt(Stage stage) {
        return switch (stage) {
            case CONSTRUCTION -> List.of(ExternalLineWork.WITHOUT_EXCAVATION, ExternalLineWork.WITH_EXCAVATION);
            case EXCAVATION_FEE -> List.of(ExternalLineWork.WITH_EXCAVATION);
            case OVERALL -> Arrays.asList(null, ExternalLineWork.NONE, ExternalLineWork.WITHOUT_EXCAVATION,
                    ExternalLineWork.WITH_EXCAVATION);
            case ACCEPTANCE, SURVEY_OPINION, SUPPLY_PLAN -> Arrays.asList((ExternalLineWork) null);
            default -> List.of(ExternalLineWork.WITHOUT_EXCAVATION, ExternalLineWork.WITH_EXCAVATION);
        };
    }

    /** One level of the limits tree: a number, or a choice by voltage class or by external-line work. */
    private sealed interface Node {

        int resolve(VoltageClass voltageClass, ExternalLineWork work, List<String> basis);

        static Node parse(Object value, String path) {
            if (value instanceof Integer days) {
                if (days < 0 || days > 366) {
                    throw new IllegalArgumentException(path + ": " + days + " is not a plausible number of working days (0..366)");
                }
                return new Fixed(days);
            }
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                List<String> keys = map.keySet().stream().map(String::valueOf).toList();
                if (keys.stream().allMatch(k -> isName(VoltageClass.class, k))) {
                    Map<VoltageClass, Node> children = new EnumMap<>(VoltageClass.class);
                    map.forEach((k, v) -> children.put(VoltageClass.valueOf(String.valueOf(k)), parse(v, path + "." + k)));
                    return new ByVoltage(children);
                }
                if (keys.stream().allMatch(k -> isName(ExternalLineWork.class, k))) {
                    Map<ExternalLineWork, Node> children = new LinkedHashMap<>();
                    map.forEach((k, v) -> children.put(ExternalLineWork.valueOf(String.valueOf(k)), parse(v, path + "." + k)));
                    return new ByExternalLineWork(children);
                }
                throw new IllegalArgumentException(path + ": keys " + keys + " must be all voltage classes "
                        + Arrays.toString(VoltageClass.values()) + " or all external-line work "
                        + Arrays.toString(ExternalLineWork.values()));
            }
            throw new IllegalArgumentException(path + ": expected a whole number of working days or a map, found '" + value + "'");
        }

        private static <E extends Enum<E>> boolean isName(Class<E> type, String key) {
            return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(key));
        }
    }

    private record Fixed(int workingDays) implements Node {
        @Override
        public int resolve(VoltageClass voltageClass, ExternalLineWork work, List<String> basis) {
            return workingDays;
        }
    }

    private record ByVoltage(Map<VoltageClass, Node> children) implements Node {
        @Override
        public int resolve(VoltageClass voltageClass, ExternalLineWork work, List<String> basis) {
            Node child = children.get(voltageClass);
            if (child == null) {
                throw new IllegalArgumentException("no limit for " + voltageClass);
            }
            basis.add(voltageClass.name());
            return child.resolve(voltageClass, work, basis);
        }
    }

    private record ByExternalLineWork(Map<ExternalLineWork, Node> children) implements Node {
        @Override
        public int resolve(VoltageClass voltageClass, ExternalLineWork work, List<String> basis) {
            if (work == null) {
                // The supply plan has not decided yet: the longest variant, never a premature breach.
                int longest = -1;
                for (Node child : children.values()) {
                    longest = Math.max(longest, child.resolve(voltageClass, null, new ArrayList<>()));
                }
                basis.add("external-line work not yet decided (longest limit)");
                return longest;
            }
            Node child = children.get(work);
            if (child == null) {
                throw new IllegalArgumentException("no limit for " + voltageClass + " with external-line work " + work);
            }
            basis.add(work.name());
            return child.resolve(voltageClass, work, basis);
        }
    }
}
