package io.eventgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The files that ship the service (Kubernetes, Docker, Heroku) agree with the service itself:
 * rendered with {@code kubectl kustomize}, their probes answer on the running application, their
 * ports are its port.
 */
@QuarkusTest
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final int PORT = 8080;
    /** What an idle socket costs a pod: the native executable's RSS and the kernel's socket structures. */
    private static final long IDLE_SOCKET_BYTES = 21 * 1024;

    @Test
    void theBaseRendersADeploymentWhoseProbesAndPortsAreTheService() throws Exception {
        List<JsonNode> objects = kustomize("kubernetes/base");
        assertThat(objects).extracting(object -> object.path("kind").asText())
                .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap");

        JsonNode deployment = only(objects, "Deployment", "eventgate");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            assertThat(path).as(probe).isIn("/q/health/ready", "/q/health/live");
            given().get(path).then().statusCode(200);
        }
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(PORT);
        assertThat(env(container, "PORT")).isEqualTo(Integer.toString(PORT));
        assertThat(container.path("lifecycle").path("preStop").isMissingNode()).as("preStop").isFalse();
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("env").toString()).contains("secretKeyRef", "EVENTGATE_API_KEYS");
        JsonNode config = only(objects, "ConfigMap", null);
        assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText())
                .isEqualTo(config.path("metadata").path("name").asText());
        assertThat(config.path("data").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()).as("JSON logs in the cluster")
                .isEqualTo("true");
        // A connection flood meets the socket limit before the memory limit: idle sockets (about 21 KiB
        // each, service and kernel, measured with the native executable) fill at most half of it.
        long sockets = Long.parseLong(config.path("data").path("EVENTGATE_SOCKET_MAX_CONNECTIONS").asText());
        assertThat(sockets * IDLE_SOCKET_BYTES).as("idle sockets at the limit")
                .isLessThanOrEqualTo(bytes(container.path("resources").path("limits").path("memory").asText()) / 2);

        JsonNode service = only(objects, "Service", "eventgate");
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo(container.path("ports").get(0).path("name").asText());
        JsonNode labels = pod.path("metadata").path("labels");
        service.path("spec").path("selector").fields()
                .forEachRemaining(label -> assertThat(labels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        only(objects, "PodDisruptionBudget", "eventgate").path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(label -> assertThat(labels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        assertThat(only(objects, "HorizontalPodAutoscaler", "eventgate").path("spec").path("scaleTargetRef").path("name")
                .asText()).isEqualTo("eventgate");
    }

    @Test
    void theDemoOverlayAddsRedisAndMongoAndUsesThem() throws Exception {
        List<JsonNode> objects = kustomize("kubernetes/overlays/demo");
        only(objects, "Deployment", "eventgate-redis");
        only(objects, "Deployment", "eventgate-mongodb");
        only(objects, "Secret", null);
        JsonNode config = only(objects, "ConfigMap", null).path("data");
        assertThat(config.path("EVENTGATE_FANOUT").asText()).isEqualTo("redis");
        assertThat(config.path("EVENTGATE_REDIS_URL").asText()).contains("eventgate-redis:6379");
        assertThat(config.path("QUARKUS_PROFILE").asText()).isEqualTo("stores");
    }

    @Test
    void bothImagesAreMultiStageRunAsAnotherUserThanRootAndLogJson() throws IOException {
        for (String file : List.of("Dockerfile", "Dockerfile.native")) {
            List<String> lines = Files.readAllLines(ROOT.resolve(file));
            assertThat(lines).as(file).contains("ENV QUARKUS_LOG_CONSOLE_JSON_ENABLED=true");
            assertThat(lines.stream().filter(line -> line.startsWith("FROM "))).as(file).hasSizeGreaterThanOrEqualTo(2);
            String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
            assertThat(user.substring(5).trim()).as(file).isNotIn("root", "0");
            assertThat(lines).as(file).contains("EXPOSE " + PORT);
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("app/target/quarkus-app/");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**/target/");
    }

    @Test
    void herokuRunsThePackagedJarOnItsPort() throws IOException {
        String web = Files.readString(ROOT.resolve("Procfile")).trim();
        assertThat(web).startsWith("web: java ").contains("-jar app/target/quarkus-app/quarkus-run.jar");
        assertThat(Files.readString(ROOT.resolve("system.properties"))).contains("java.runtime.version=17");
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .contains("quarkus.http.port=${PORT:8080}");
    }

    private static List<JsonNode> kustomize(String directory) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve(directory).toString()).start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize %s: %s", directory, errors).isZero();
        List<JsonNode> objects = new ArrayList<>();
        MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml);
        documents.forEachRemaining(objects::add);
        return objects;
    }

    private static JsonNode only(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> object.path("kind").asText().equals(kind))
                .filter(object -> name == null || object.path("metadata").path("name").asText().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + kind + " " + name);
                }).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        return "";
    }

    /** Bytes of a Kubernetes memory quantity in {@code Mi} or {@code Gi}. */
    private static long bytes(String quantity) {
        long mebi = 1024 * 1024;
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024 * mebi;
        }
        assertThat(quantity).as("a memory limit in Mi or Gi").endsWith("Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * mebi;
    }
}
