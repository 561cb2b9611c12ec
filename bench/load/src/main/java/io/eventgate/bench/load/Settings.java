package io.eventgate.bench.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run, from system properties: {@code -Dnodes=1 -Dsockets=1000 -Drooms=10 -Devents=20000 -Dwarmup=5000
 * -Dpublishers=8 -Dscenario=rooms|broadcast|resume-storm -Dfanout=local|redis -Dstores=false -Dauth=false
 * -Djar=app/target/quarkus-app/quarkus-run.jar} ({@code -Dauth=true}: subscriber auth required, each socket with
 * a token from {@code POST /tokens}; {@code -Dfanout=redis}: the Redis backplane even for one replica, the
 * default for several; {@code resume-storm}: see {@link ResumeStorm}, with {@code -Drate=500 -Daway=10}), and
 * {@code -Denv.NAME=value} for the service's environment (e.g.
 * {@code -Denv.QUARKUS_EVENT_LOGGER__DELIVERIES__STRATEGIES=console}), and {@code -DserviceOptions="-Xmx384m ..."}
 * for its command line (JVM options of the jar, run-time options of a native executable). Idle sockets, for memory only:
 * {@code -Devents=0 -Dwarmup=0}, with {@code -DwarmSockets=N} to open and close N sockets before the first
 * memory reading. {@code -Dclient=count}: sockets that only count the frames they read (see {@link FrameCounter}),
 * for throughput when the checking client would take the cores the service needs.
 */
record Settings(int nodes, int sockets, int rooms, int events, int warmup, int publishers, String scenario,
        boolean redis, boolean stores, boolean auth, boolean countFrames, int rate, int away, int warmSockets, Path jar,
        Map<String, String> serviceEnv, List<String> serviceOptions) {

    static Settings fromSystemProperties() {
        Map<String, String> env = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("env."))
                .forEach(name -> env.put(name.substring(4), System.getProperty(name)));
        int nodes = Integer.getInteger("nodes", 1);
        return new Settings(nodes, Integer.getInteger("sockets", 1000),
                Integer.getInteger("rooms", 10), Integer.getInteger("events", 20_000),
                Integer.getInteger("warmup", 5_000),
                Integer.getInteger("publishers", 8), System.getProperty("scenario", "rooms"),
                "redis".equals(System.getProperty("fanout", nodes > 1 ? "redis" : "local")),
                Boolean.getBoolean("stores"), Boolean.getBoolean("auth"),
                "count".equals(System.getProperty("client", "check")), Integer.getInteger("rate", 500),
                Integer.getInteger("away", 10), Integer.getInteger("warmSockets", 0),
                Path.of(System.getProperty("jar", "app/target/quarkus-app/quarkus-run.jar")), env,
                List.of(System.getProperty("serviceOptions", "").split(" ")).stream().filter(option -> !option.isBlank())
                        .toList());
    }

    boolean broadcast() {
        return "broadcast".equals(scenario);
    }

    boolean storm() {
        return "resume-storm".equals(scenario);
    }

    String describe() {
        return scenario + (redis ? ", Redis backplane" : "")
                + (stores ? " with the stores profile (MongoDB, Redis streams)" : "")
                + (auth ? ", subscriber auth required (RS256 tokens)" : "")
                + (countFrames ? ", sockets that count frames" : "")
                + ": " + nodes + " replica(s), " + sockets + " sockets, " + rooms
                + " rooms, " + events + " events, " + publishers + " publishers" + (serviceEnv.isEmpty() ? ""
                        : ", env " + serviceEnv) + (serviceOptions.isEmpty() ? "" : ", options " + serviceOptions);
    }
}
