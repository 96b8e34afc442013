package org.relaycert.server.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relaycert.server.account.AccountService;

/** The reference relay's paths (chatmail's nginx configuration), exact-match only. */
public final class WebRoutes {
    public static final String NEW = "/new";
    public static final String NEW_LEGACY = "/cgi-bin/newemail.py";
    public static final String AUTOCONFIG_WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";
    /** Where {@code autoconfig.<domain>} is asked first. */
    public static final String AUTOCONFIG = "/mail/config-v1.1.xml";
    public static final String MTA_STS = "/.well-known/mta-sts.txt";
    public static final String ROBOTS = "/robots.txt";
    public static final String INDEX = "/";
    public static final String INDEX_HTML = "/index.html";
    public static final String INFO = "/info.html";
    public static final String PRIVACY = "/privacy.html";

    private WebRoutes() {
    }

    /** {@link #reference(WebServerConfig, AccountService, NewAccountRateLimit)} with chatmail's limit on the system clock. */
    public static Map<String, Route> reference(WebServerConfig config, AccountService accounts) {
        return reference(config, accounts, NewAccountRateLimit.chatmail(Clock.systemUTC()));
    }

    /** A fresh, modifiable table: callers may add routes (for instance {@code /mxdeliv}) before starting. */
    public static Map<String, Route> reference(WebServerConfig config, AccountService accounts,
            NewAccountRateLimit newAccountLimit) {
        Map<String, Route> routes = new LinkedHashMap<>();
        Route newAccount = new NewAccountRoute(accounts, config, newAccountLimit);
        routes.put(NEW, newAccount);
        routes.put(NEW_LEGACY, newAccount);
        Route autoconfig = new AutoconfigRoute(config);
        routes.put(AUTOCONFIG_WELL_KNOWN, autoconfig);
        routes.put(AUTOCONFIG, autoconfig);
        routes.put(MTA_STS, new MtaStsRoute(config.mailDomain()));
        routes.put(ROBOTS, new RobotsRoute());
        Route index = new IndexRoute(config);
        routes.put(INDEX, index);
        routes.put(INDEX_HTML, index);
        routes.put(INFO, new InfoRoute(config));
        routes.put(PRIVACY, new PrivacyRoute(config));
        return routes;
    }
}
