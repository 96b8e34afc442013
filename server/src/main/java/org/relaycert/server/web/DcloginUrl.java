package org.relaycert.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.relaycert.server.account.NewAccount;

/**
 * The {@code dclogin:} URL a self-signed relay hands out with fresh credentials (Delta Chat's
 * dclogin scheme, version 1):
 * <pre>
 * dclogin:&lt;email&gt;?p=&lt;pct-encoded password&gt;&amp;v=1[&amp;ih=&lt;host&gt;&amp;sh=&lt;host&gt;][&amp;ip=..&amp;is=ssl&amp;sp=..&amp;ss=ssl]&amp;ic=3
 * </pre>
 * {@code ic=3} accepts the self-signed certificate. Ports are named only when they differ from
 * 993/465, which clients assume for implicit TLS.
 */
public final class DcloginUrl {
    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private DcloginUrl() {
    }

    public static String of(NewAccount account, Optional<String> host, int imapsPort, int smtpsPort) {
        StringBuilder sb = new StringBuilder("dclogin:").append(account.email())
                .append("?p=").append(percentEncode(account.password())).append("&v=1");
        host.ifPresent(h -> sb.append("&ih=").append(percentEncode(h)).append("&sh=").append(percentEncode(h)));
        if (imapsPort != 993 || smtpsPort != 465) {
            sb.append("&ip=").append(imapsPort).append("&is=ssl&sp=").append(smtpsPort).append("&ss=ssl");
        }
        return sb.append("&ic=3").toString();
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (UTF-8). */
    static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
