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
 * @param startTlsDiscardsPipelined plaintext the client pipelined behind STARTTLS is thrown away (RFC 3207
 *                             section 5; Postfix since 2.8.4, CVE-2011-0411); older servers ran it inside TLS
 * @param expn                 how EXPN is answered; chatmail's Postfix does not implement it
 * @param errorPacing          Postfix {@code smtpd_soft_error_limit} and {@code smtpd_error_sleep_time}: how late
 *                             error replies go out once a client made that many errors
 */
public record SmtpRules(boolean tlsRequired, boolean authOnlyAfterTls, Set<String> discardEhloKeywords,
                        AddressVerifier vrfy, boolean startTlsDiscardsPipelined, ErrorPacing errorPacing,
                        Expander expn) {

    /** Answers EXPN for one argument, told whether it names a mailbox here. */
    @FunctionalInterface
    public interface Expander {
        Reply expand(String argument, boolean known);

        /** Postfix: {@code 502 5.5.1}, whatever the argument (spec 2.5: nothing is revealed). */
        Expander NOT_IMPLEMENTED = (argument, known) -> Reply.of(502, "5.5.1", "Error: command not implemented");
    }

    /**
     * A tarpit for clients that keep making errors: from the {@code softLimit}-th error on, each error reply
     * waits {@code sleep}. The reference answers at once (the hard limit of 20 errors still hangs up).
     */
    public record ErrorPacing(int softLimit, java.time.Duration sleep) {
        public static final ErrorPacing NONE = new ErrorPacing(Integer.MAX_VALUE, java.time.Duration.ZERO);
    }

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
        return new SmtpRules(true, true, Set.of(), AddressVerifier.NOTHING_REVEALED, true, ErrorPacing.NONE,
                Expander.NOT_IMPLEMENTED);
    }

    public SmtpRules withTlsRequired(boolean required) {
        return new SmtpRules(required, authOnlyAfterTls, discardEhloKeywords, vrfy, startTlsDiscardsPipelined, errorPacing, expn);
    }

    public SmtpRules withAuthOnlyAfterTls(boolean only) {
        return new SmtpRules(tlsRequired, only, discardEhloKeywords, vrfy, startTlsDiscardsPipelined, errorPacing, expn);
    }

    public SmtpRules withDiscardedEhloKeywords(Set<String> keywords) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, keywords, vrfy, startTlsDiscardsPipelined, errorPacing, expn);
    }

    public SmtpRules withVrfy(AddressVerifier verifier) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, discardEhloKeywords, verifier, startTlsDiscardsPipelined, errorPacing, expn);
    }

    public SmtpRules withStartTlsDiscardsPipelined(boolean discards) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, discardEhloKeywords, vrfy, discards, errorPacing, expn);
    }

    public SmtpRules withErrorPacing(ErrorPacing pacing) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, discardEhloKeywords, vrfy, startTlsDiscardsPipelined, pacing, expn);
    }

    public SmtpRules withExpn(Expander expander) {
        return new SmtpRules(tlsRequired, authOnlyAfterTls, discardEhloKeywords, vrfy, startTlsDiscardsPipelined,
                errorPacing, expander);
    }
}
