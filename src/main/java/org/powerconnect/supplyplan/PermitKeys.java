package org.powerconnect.supplyplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.powerconnect.connection.Stage;

/** Permit lists as stored and passed to the process: stage keys separated by commas. */
public final class PermitKeys {

    private PermitKeys() {
    }

    public static String join(List<Stage> permits) {
        return permits.stream().map(Stage::key).collect(Collectors.joining(","));
    }

    /** Parses a stored or decision-table list; an unknown key is a configuration error, not user input. */
    public static List<Stage> parse(String keys) {
        List<Stage> permits = new ArrayList<>();
        if (keys == null || keys.isBlank()) {
            return permits;
        }
        for (String key : keys.split(",")) {
            String trimmed = key.trim();
            Stage stage = Stage.ofKey(trimmed).filter(Stage::isPermit)
                    .orElseThrow(() -> new IllegalArgumentException("'" + trimmed + "' is not a permit stage key; permits are "
                            + Arrays.toString(Stage.PERMITS.stream().map(Stage::key).toArray())));
            permits.add(stage);
        }
        return permits;
    }
}
