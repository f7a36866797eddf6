package org.powerconnect.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions that a client may safely send again ({@code Idempotency-Key}): the key is written in the
 * submission's own transaction, so either both commit or neither. A retry after the first committed finds the
 * key and gets the first application back; a retry racing the first waits on the key's row and then does the
 * same; a retry whose body differs from the first is refused, since the key no longer names one request.
 */
@Service
class IdempotentSubmissions {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Applications applications;

    IdempotentSubmissions(JdbcTemplate jdbc, TransactionTemplate transactions, Applications applications) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.applications = applications;
    }

    /** The application this key created, or a new one submitted now. */
    Outcome submitOnce(String userId, String key, String requestFingerprint, Supplier<Application> submit) {
        String hash = sha256(requestFingerprint);
        Optional<Outcome> earlier = earlier(userId, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transactions.execute(status -> {
                Application application = submit.get();
                jdbc.update("""
                        insert into idempotent_submission (user_id, idempotency_key, request_hash, application_no, created_at)
                        values (?, ?, ?, ?, ?)
                        """, userId, key, hash, application.applicationNo(),
                        application.submittedAt().atOffset(ZoneOffset.UTC));
                return new Outcome(application, false);
            });
        } catch (DuplicateKeyException raced) {
            // another request with the same key committed first (our transaction rolled back): answer as it did
            return earlier(userId, key, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<Outcome> earlier(String userId, String key, String hash) {
        return jdbc.query("select request_hash, application_no from idempotent_submission where user_id = ? and idempotency_key = ?",
                (rs, row) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw new KeyReusedException(key);
                    }
                    return rs.getString("application_no");
                }, userId, key).stream().findFirst()
                .map(applicationNo -> new Outcome(applications.find(applicationNo).orElseThrow(), true));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param replayed whether this is the answer to an earlier request with the same key */
    record Outcome(Application application, boolean replayed) {
    }

    static class KeyReusedException extends RuntimeException {
        KeyReusedException(String key) {
            super("Idempotency-Key '" + key + "' was already used for a different submission; use a new key for a new application");
        }
    }
}
