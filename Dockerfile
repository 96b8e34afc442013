# The reference chatmail relay as a container image (also holds the fixture services and the suite's sources).
# Build: docker build -t relaycert-relay .    Run: see docker-compose.yml.

# --- build stage: the Maven build with the JDK ---
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
# Every module's pom, as the reactor reads them all (only server and fixtures are built).
COPY mvnw pom.xml ./
COPY server/pom.xml server/pom.xml
COPY fixtures/pom.xml fixtures/pom.xml
COPY reports/pom.xml reports/pom.xml
COPY conformance/pom.xml conformance/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY fuzz/pom.xml fuzz/pom.xml
COPY server/src server/src
COPY fixtures/src fixtures/src
RUN ./mvnw -q -B -pl server,fixtures -am package -DskipTests

# --- runtime stage: JRE only, unprivileged user ---
FROM eclipse-temurin:21-jre
RUN groupadd --system relay && useradd --system --gid relay --home-dir /var/lib/relay --create-home relay
COPY --from=build /src/server/target/relaycert-server.jar /opt/relaycert/relaycert-server.jar
COPY --from=build /src/fixtures/target/relaycert-world.jar /opt/relaycert/relaycert-world.jar
COPY docker/relay-entrypoint.sh /opt/relaycert/relay-entrypoint.sh
# The launcher and the JVM settings the relay ships with (small heap, serial GC; see bin/relay.jvm-options).
COPY bin/relaycert-relay bin/relay.jvm-options /opt/relaycert/
USER relay
WORKDIR /var/lib/relay
# 25/587/465 SMTP, 143/993 IMAP, 443 HTTPS; binding ports below 1024 as non-root needs
# net.ipv4.ip_unprivileged_port_start=0 (docker-compose.yml sets it).
EXPOSE 25 587 465 143 993 443
ENTRYPOINT ["/bin/sh", "/opt/relaycert/relay-entrypoint.sh"]
