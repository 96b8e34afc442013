package org.relaycert.server.smtp;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.relaycert.server.delivery.Reply;

/**
 * The Postfix settings that make a listener chatmail's, as values. {@link #chatmail()} is what chatmail
 * deploys; other values describe other real-world relays (and the suite's variants).
 *
 * @param tlsRequired          {@code smtpd_tls_security_level = encrypt}: no mail transaction before TLS
 * @param authOnlyAfterTls     {@code smtpd_tls_auth_only = yes}: AUTH neither offered nor accepted before TLS
 * @param discardEhloKeywords  {@code smtpd_discard_ehlo_keywords}: extensions left out of the EHLO reply
 * @param vrfy                 how VRFY is answered; chatmail's answer reveals nothing
 */
public record SmtpRules(boolean tlsRequired, boolean authOnlyAfterTls, Set<String> discardEhloKeywords,
                        AddressVerifier vrfy) {

    /** Answers VRFY for one argument. */
    @FunctionalInterface
    public interface AddressVerifier {
        Reply verify(String argument);

        /** {@code 252 2.0.0}: "cannot verify, will accept and try", the same for every argument (spec 2.5). */
        AddressVerifier NOTHING_REVEALED = argument -> Reply.of(252, "2.0.0", argument);
    }

    public SmtpRules {
        discardEhloKeywords = discardEhloKeywords.stream().map(k -> k.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static SmtpRules chatmail() {
        return new SmtpRules(true, true, Set.of(), AddressVerifier.NOTHING_REVEALED);
    }

    public SmtpRules withTlsRequired(boolean required) {
        return new SmtpRules(required, authOnlyAfterTls, discardEhloKeywords, vrfy);
    }

    public SmtpRules withAuthOnlyAfterTls(boolean only) {
        return new SmtpRules(tlsRequired, only, discardEhloKeywords, vrfy);
    }

    public SmtpRules withDiscardedEhloKeywords(Set<String> keywords) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, keywords, vrfy);
    }

    public SmtpRules withVrfy(AddressVerifier verifier) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, discardEhloKeywords, verifier);
    }
}
