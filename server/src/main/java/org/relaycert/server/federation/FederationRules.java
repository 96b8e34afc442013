package org.relaycert.server.federation;

/**
 * How a relay federates, as the real-world settings behind it. {@link #chatmail()} is what chatmail deploys;
 * other values describe other relays in the wild (and the suite's variants).
 *
 * @param relayAccess   Postfix {@code smtpd_relay_restrictions}: who may send to other domains
 * @param outboundTls   Postfix {@code smtp_tls_security_level} / filtermail-transport's certificate rule
 * @param mxdeliv       whether outbound delivery tries {@code POST /mxdeliv} before SMTP (filtermail-transport)
 * @param dkimSigning   whether an OpenDKIM milter signs outbound mail
 * @param signBounces   Postfix {@code internal_mail_filter_classes = bounce} (chatmail 1.11.0 and later)
 * @param smtpFallback  whether SMTP on port 25 is tried when {@code /mxdeliv} fails (an HTTPS-only transport does not)
 */
public record FederationRules(RelayAccess relayAccess, OutboundTls outboundTls, boolean mxdeliv, boolean dkimSigning,
                              boolean signBounces, boolean smtpFallback) {

    /** {@code smtpd_relay_restrictions}. */
    public enum RelayAccess {
        /** {@code permit_sasl_authenticated, reject_unauth_destination}: only logged-in users reach other domains. */
        AUTHENTICATED,
        /** {@code permit}: anyone may relay (a misconfigured open relay). */
        ANYONE,
        /**
         * Port 25 keeps {@code reject_unauth_destination}, but the HTTPS intake ({@code /mxdeliv}) hands every
         * recipient it is given to the transport: a relay that filters DKIM and encryption there and forgot the
         * relay check, which Postfix did for it on port 25.
         */
        ANYONE_OVER_MXDELIV
    }

    /** {@code smtp_tls_security_level}. */
    public enum OutboundTls {
        /** {@code verify}: STARTTLS with a certificate valid for the MX host, else no delivery. */
        VERIFY,
        /** {@code none}: plaintext SMTP, no STARTTLS (what chatmail does for nauta.cu only). */
        NONE,
        /**
         * {@code encrypt}: STARTTLS (and HTTPS) required, but any certificate taken: encrypted, not authenticated,
         * as a transport built on a client with verification switched off.
         */
        ENCRYPT
    }

    public static FederationRules chatmail() {
        return new FederationRules(RelayAccess.AUTHENTICATED, OutboundTls.VERIFY, true, true, true, true);
    }

    public FederationRules withRelayAccess(RelayAccess access) {
        return new FederationRules(access, outboundTls, mxdeliv, dkimSigning, signBounces, smtpFallback);
    }

    public FederationRules withOutboundTls(OutboundTls tls) {
        return new FederationRules(relayAccess, tls, mxdeliv, dkimSigning, signBounces, smtpFallback);
    }

    public FederationRules withMxdeliv(boolean use) {
        return new FederationRules(relayAccess, outboundTls, use, dkimSigning, signBounces, smtpFallback);
    }

    public FederationRules withDkimSigning(boolean sign) {
        return new FederationRules(relayAccess, outboundTls, mxdeliv, sign, signBounces, smtpFallback);
    }

    public FederationRules withSignBounces(boolean sign) {
        return new FederationRules(relayAccess, outboundTls, mxdeliv, dkimSigning, sign, smtpFallback);
    }

    public FederationRules withSmtpFallback(boolean fallback) {
        return new FederationRules(relayAccess, outboundTls, mxdeliv, dkimSigning, signBounces, fallback);
    }
}
