# The certifier as an image: judges any chatmail relay it can reach and writes the report under /src/reports/out
# (mount it). docker build -f docker/suite.Dockerfile -t relaycert .
#   docker run --rm -v "$PWD/out:/src/reports/out" relaycert check chat.example.org [--target2 other.org]
# Exit codes as the jar's: 0 compliant, 1 a MUST failed, 2 partial with --require-all, 3 suite error.
FROM eclipse-temurin:21-jdk
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends swaks isync testssl.sh nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# the real Delta Chat client for the IOP checks (found in node_modules/ by DeltaChatBinary)
RUN npm install --no-save --no-package-lock --no-audit --no-fund @deltachat/stdio-rpc-server-linux-x64@2.62.0
RUN ./mvnw -q -B -pl conformance -am package -DskipTests -DskipITs
ENV RELAYCERT_PROJECT_ROOT=/src
ENTRYPOINT ["java", "-jar", "/src/conformance/target/relaycert.jar"]
CMD ["--help"]
