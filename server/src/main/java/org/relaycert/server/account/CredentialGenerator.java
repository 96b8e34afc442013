package org.relaycert.server.account;

import java.security.SecureRandom;
import org.relaycert.server.config.ChatmailParams;

/**
 * Random credentials in chatmail's shape (newemail.py): a localpart of {@code username_max_length}
 * characters from {@code [a-z0-9]} and a password of {@code password_min_length + 3} characters.
 */
public final class CredentialGenerator {
    private static final String LOCAL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PASSWORD_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~";

    private final ChatmailParams params;
    private final String domainPart;
    private final SecureRandom random = new SecureRandom();

    public CredentialGenerator(ChatmailParams params) {
        this.params = params;
        this.domainPart = new AddressRules(params).domainPart();
    }

    public NewAccount generate() {
        return new NewAccount(pick(LOCAL_CHARS, params.usernameMaxLength()) + "@" + domainPart,
                pick(PASSWORD_CHARS, params.passwordMinLength() + 3));
    }

    private String pick(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
