# eventgate on the JVM.
#   docker build -t eventgate:jvm .
#   docker run --rm -p 8080:8080 eventgate:jvm
# Stage 1 builds with Maven; stage 2 runs the fast-jar on a JRE, non-root.

# The base images, as build arguments so that a machine without a registry can name local stand-ins
# (scripts/image-test does); the defaults are the official images.
ARG BUILDER_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILDER_IMAGE} AS build
WORKDIR /code
COPY . /code
RUN mvn -B -DskipTests package -pl app -am

FROM ${RUNTIME_IMAGE}
RUN useradd --uid 185 --no-create-home --shell /usr/sbin/nologin eventgate
WORKDIR /deployments
COPY --from=build --chown=185 /code/app/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /code/app/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /code/app/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /code/app/target/quarkus-app/quarkus/ /deployments/quarkus/
EXPOSE 8080
# Production logs: one JSON object per line (LogLinesIT checks its fields); `java -jar` prints the
# plain lines of shared/API.md.
ENV QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
USER 185
# The heap gives back what it does not need after a collection (free between 10% and 20% of it): a
# node of many idle sockets then holds about what they keep (README "Performance"), not the peak of
# the last connection storm.
ENV JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
