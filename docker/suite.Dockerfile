# The conformance suite as a service: runs against the compose world's relays and writes the report into
# the mounted /src/reports/out.
FROM eclipse-temurin:21-jdk
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends swaks isync testssl.sh nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# the real Delta Chat client for the IOP checks (found in node_modules/ by DeltaChatBinary)
RUN npm install --no-save --no-package-lock --no-audit --no-fund @deltachat/stdio-rpc-server-linux-x64@2.62.0
RUN ./mvnw -q -B -pl conformance -am test-compile -DskipTests
ENTRYPOINT ["./mvnw", "-B", "-pl", "conformance", "-am", "verify", "-DskipUnitTests", "-Dit.test=*Checks"]
