package org.relaycert.conformance.probes;

import java.util.concurrent.Callable;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.client.RelayHttps;

/**
 * chatmail limits {@code POST /new} per client address (nginx {@code limit_req}, 2/s, burst 5, on self-signed relays):
 * a suite that just made accounts itself waits its turn, as a client would, before it judges the answer.
 */
public final class NewEndpointRetry {
    private static final int ATTEMPTS = 5;

    private NewEndpointRetry() {
    }

    public static RelayHttps.Answer post(Callable<RelayHttps.Answer> request, Evidence ev) throws Exception {
        RelayHttps.Answer r = request.call();
        for (int attempt = 1; r.statusCode() == 503 && attempt <= ATTEMPTS; attempt++) {
            long wait = Math.min(5, r.header("retry-after").filter(v -> v.matches("\\d{1,3}")).map(Long::parseLong).orElse(1L));
            ev.line("503 from the /new rate limit; retrying after " + wait + " s");
            Thread.sleep(wait * 1000);
            r = request.call();
        }
        return r;
    }
}
