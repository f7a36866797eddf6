package org.powerconnect.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz run against {@code POST /api/applications}: hundreds of random bodies, from almost valid to garbage.
 * Whatever arrives, the answer is never a 5xx; a 201 leaves a whole application (its row, its number, its
 * process waiting for acceptance) and anything else leaves nothing. The seed is logged, and
 * {@code -Dpowerconnect.fuzz.seed=…} replays a run.
 */
class IntakeFuzzTest extends EngineTestSupport {

    private static final Logger log = LoggerFactory.getLogger(IntakeFuzzTest.class);
    private static final int BODIES = 400;
    private static final String[] FIELDS = {"applicantName", "contactPhone", "address", "voltageClass", "capacityKva",
            "kind", "customerType", "email", "language"};

    @Autowired
    private ObjectMapper json;

    private Random random;

    @Test
    void randomBodiesNeverGetA5xxAndLeaveEitherAWholeApplicationOrNothing() throws Exception {
        long seed = Long.getLong("powerconnect.fuzz.seed", System.nanoTime());
        log.info("Intake fuzz run with seed {}", seed);
        random = new Random(seed);
        int created = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            String body = body();
            int applicationsBefore = count("application");
            int numbersBefore = count("application_number");
            Reply reply = api.postRaw("/api/applications", "grid-service-window", MediaType.APPLICATION_JSON, body);
            if (reply.status().is5xxServerError()) {
                failures.add(reply.status() + " for " + body);
            } else if (reply.status() == HttpStatus.CREATED) {
                created++;
                String applicationNo = reply.body().path("applicationNo").asText();
                assertThat(applications.find(applicationNo)).as("row of %s from %s", applicationNo, body).isPresent();
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).count())
                        .as("process of %s", applicationNo).isEqualTo(1);
                assertThat(count("application")).isEqualTo(applicationsBefore + 1);
            } else {
                assertThat(reply.status().value()).as("answer to %s", body).isIn(400, 413, 415, 422);
                assertThat(reply.headers().getContentType()).as("content type for %s", body)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(count("application")).as("applications after %s", body).isEqualTo(applicationsBefore);
                assertThat(count("application_number")).as("numbers after %s", body).isEqualTo(numbersBefore);
            }
        }
        assertThat(failures).as("5xx answers (seed %d)", seed).isEmpty();
        assertThat(created).as("bodies that were valid (seed %d)", seed).isPositive();
        log.info("Intake fuzz run: {} of {} random bodies were valid applications", created, BODIES);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    /** A valid body with a few fields spoiled, a body of random fields and values, or not JSON at all. */
    private String body() throws Exception {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return garbage();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantName", "Fuzz Works " + random.nextInt(1000));
        body.put("contactPhone", "13800138000");
        body.put("address", "1 Fuzz Road, Yancheng");
        body.put("voltageClass", "LOW_VOLTAGE");
        body.put("capacityKva", 1 + random.nextInt(500));
        body.put("kind", "NEW_CONNECTION");
        body.put("customerType", "RESIDENTIAL");
        int spoiled = kind <= 3 ? 0 : 1 + random.nextInt(kind <= 7 ? 2 : FIELDS.length);
        for (int i = 0; i < spoiled; i++) {
            String field = random.nextInt(8) == 0 ? "extra" + random.nextInt(3) : FIELDS[random.nextInt(FIELDS.length)];
            if (random.nextInt(6) == 0) {
                body.remove(field);
            } else {
                body.put(field, value(0));
            }
        }
        String text = json.writeValueAsString(body);
        return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
    }

    private Object value(int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong() * (random.nextBoolean() ? 1 : -1);
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            case 5 -> text(random.nextInt(20));
            case 6 -> text(random.nextInt(400));
            case 7 -> pick("LOW_VOLTAGE", "HIGH_VOLTAGE", "EXTRA_HIGH_VOLTAGE", "low_voltage", "NEW_CONNECTION",
                    "CAPACITY_INCREASE", "RESIDENTIAL", "NON_RESIDENTIAL", "zh", "en", "", " ", "0515-88886666",
                    "+86 13912345678", "a@b.cn", "wang.fang@example.com", "x@y", "王芳", "\u0000", "\uD800");
            case 8 -> String.valueOf(random.nextInt(2_000_000) - 1000);
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(FIELDS[random.nextInt(FIELDS.length)], value(depth + 1));
                }
                yield map;
            }
        };
    }

    /** Any characters: letters of several scripts, digits, punctuation, controls, surrogates, emoji. */
    private String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(8)) {
                case 0 -> (char) (0x20 + random.nextInt(0x5F));
                case 1 -> (char) (0x4E00 + random.nextInt(0x5000));
                case 2 -> (char) random.nextInt(0x20);
                case 3 -> (char) (0xD800 + random.nextInt(0x800));
                case 4 -> "😀";
                case 5 -> (char) (0x200B + random.nextInt(5));
                case 6 -> pick("<", ">", "&", "\"", "'", "\\", "{", "}", "%", "$");
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    private String garbage() {
        return pick("", "null", "[]", "42", "\"text\"", "{", "{\"applicantName\":", "{}}", "{\"a\":1,\"a\":2}",
                "{\"capacityKva\":1e309}", "[" + "[".repeat(2000) + "]".repeat(2000) + "]",
                "{\"applicantName\":\"" + "\\u0000".repeat(3) + "\"}", text(200));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
