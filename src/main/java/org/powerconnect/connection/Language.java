package org.powerconnect.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages mails are written in; Chinese unless an applicant or the configuration asks for English. */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String key;
    private final Locale locale;

    Language(String key, Locale locale) {
        this.key = key;
        this.locale = locale;
    }

    public String key() {
        return key;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> ofKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
