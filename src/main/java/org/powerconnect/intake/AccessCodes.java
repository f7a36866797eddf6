package org.powerconnect.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Access codes: ten characters from 31 without look-alikes (no 0/O, 1/I/L), so a code read out at the window
 * or typed from a mail comes through; 31^10 ≈ 8 × 10^14 codes, out of reach of guessing that the public
 * progress page slows down.
 */
public final class AccessCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodes() {
    }

    static String newCode() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** Compares in constant time, ignoring case and spaces or dashes a person may type. */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        String normalised = given.replaceAll("[\\s-]", "").toUpperCase();
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                normalised.getBytes(StandardCharsets.UTF_8));
    }
}
