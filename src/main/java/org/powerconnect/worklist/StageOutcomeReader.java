package org.powerconnect.worklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.permits.PermitDecision;
import org.powerconnect.web.ApiProblem;
import org.powerconnect.web.FieldProblem;

/** Reads the body of a task completion according to the task's stage, naming every bad field. */
final class StageOutcomeReader {

    static final int MAX_COMMENT = 2000;

    private StageOutcomeReader() {
    }

    static StageOutcome read(Stage stage, Map<String, Object> body) {
        Map<String, Object> fields = body == null ? Map.of() : body;
        List<FieldProblem> problems = new ArrayList<>();
        StageOutcome outcome;
        if (stage == Stage.SUPPLY_PLAN) {
            allow(fields, Set.of("externalLineWork", "requiredPermits", "comment", "applicantConfirmation"), stage,
                    problems);
            outcome = new StageOutcome.SupplyPlanReply(
                    enumValue(fields, "externalLineWork", ExternalLineWork.class, false, problems),
                    permits(fields, problems),
                    comment(fields, false, problems),
                    flag(fields, "applicantConfirmation", problems));
        } else if (stage.isPermit()) {
            allow(fields, Set.of("decision", "comment"), stage, problems);
            PermitDecision.Decision decision = enumValue(fields, "decision", PermitDecision.Decision.class, true, problems);
            outcome = new StageOutcome.PermitOutcome(decision,
                    comment(fields, decision == PermitDecision.Decision.REJECTED, problems));
        } else {
            allow(fields, Set.of("comment"), stage, problems);
            outcome = new StageOutcome.Done(comment(fields, false, problems));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return outcome;
    }

    private static void allow(Map<String, Object> fields, Set<String> known, Stage stage, List<FieldProblem> problems) {
        fields.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> problems.add(
                new FieldProblem(key, "is not a field of a " + stage.key() + " task; its fields are " + known.stream().sorted().toList())));
    }

    private static <E extends Enum<E>> E enumValue(Map<String, Object> fields, String field, Class<E> type,
            boolean required, List<FieldProblem> problems) {
        Object value = fields.get(field);
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required; one of " + Arrays.toString(type.getEnumConstants())));
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }

    private static boolean flag(Map<String, Object> fields, String field, List<FieldProblem> problems) {
        Object value = fields.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            problems.add(new FieldProblem(field, "must be true or false"));
            return false;
        }
        return flag;
    }

    private static List<Stage> permits(Map<String, Object> fields, List<FieldProblem> problems) {
        Object value = fields.get("requiredPermits");
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new FieldProblem("requiredPermits", "must be a list of permit stage keys"));
            return null;
        }
        List<Stage> permits = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object key = list.get(i);
            Optional<Stage> permit = key instanceof String s ? Stage.ofKey(s).filter(Stage::isPermit) : Optional.empty();
            if (permit.isPresent()) {
                permits.add(permit.get());
            } else {
                problems.add(new FieldProblem("requiredPermits[" + i + "]", "must be one of "
                        + Stage.PERMITS.stream().map(Stage::key).toList()));
            }
        }
        return permits;
    }

    private static String comment(Map<String, Object> fields, boolean required, List<FieldProblem> problems) {
        Object value = fields.get("comment");
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                problems.add(new FieldProblem("comment", "is required: say why the permit is rejected"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(new FieldProblem("comment", "must be a string"));
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            problems.add(new FieldProblem("comment", "must not contain NUL characters"));
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "must be at most " + MAX_COMMENT + " characters"));
            return null;
        }
        return text.strip();
    }
}
