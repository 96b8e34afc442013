package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.dkim.DkimKey;
import picocli.CommandLine;

class DnsCommandTest {

    @Test
    void printsRequiredAndRecommendedRecordsWithThePublishedKey(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("chatmail.ini");
        TestRelayConfig.domain("chat.example.org").bind("0.0.0.0").relay("data_dir", "data").write(ini);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute("dns", "--config", ini.toString(), "--ipv4", "203.0.113.7");
        } finally {
            System.setOut(old);
        }
        String zone = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        String required = zone.substring(0, zone.indexOf("; Recommended"));
        String recommended = zone.substring(zone.indexOf("; Recommended"));
        assertThat(required).contains("chat.example.org. 3600 IN A 203.0.113.7", "chat.example.org. 3600 IN MX 10 chat.example.org.",
                "_mta-sts.chat.example.org. 3600 IN TXT \"v=STSv1; id=", "mta-sts.chat.example.org. 3600 IN CNAME",
                "opendkim._domainkey.chat.example.org. 3600 IN TXT ( \"v=DKIM1;k=rsa;p=");
        assertThat(recommended).contains("\"v=spf1 a ~all\"", "_dmarc.chat.example.org. 3600 IN TXT \"v=DMARC1;p=reject;adkim=s;aspf=s\"",
                "_submission._tcp.chat.example.org. 3600 IN SRV 0 1 587", "_submissions._tcp", "_imap._tcp", "_imaps._tcp");
        DkimKey key = DkimKey.read(dir.resolve("data/dkim/opendkim.private"));
        String published = required.lines().filter(l -> l.startsWith("opendkim._domainkey")).findFirst().orElseThrow()
                .replaceAll(".*\\( ", "").replaceAll(" \\)$", "").replace("\" \"", "").replace("\"", "");
        assertThat(published).isEqualTo(key.txtRecord());
    }
}
