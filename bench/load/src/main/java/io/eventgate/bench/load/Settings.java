package io.eventgate.bench.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What to run, from system properties: {@code -Dnodes=1 -Dsockets=1000 -Drooms=10 -Devents=20000 -Dwarmup=5000
 * -Dpublishers=8 -Dscenario=rooms|broadcast -Dstores=false -Dauth=false -Djar=app/target/quarkus-app/quarkus-run.jar}
 * ({@code -Dauth=true}: subscriber auth required, each socket with a token from {@code POST /tokens}), and
 * {@code -Denv.NAME=value} for the service's environment (e.g.
 * {@code -Denv.QUARKUS_EVENT_LOGGER__DELIVERIES__STRATEGIES=console}). Idle sockets, for memory only:
 * {@code -Devents=0 -Dwarmup=0}.
 */
record Settings(int nodes, int sockets, int rooms, int events, int warmup, int publishers, boolean broadcast,
        boolean stores, boolean auth, Path jar, Map<String, String> serviceEnv) {

    static Settings fromSystemProperties() {
        Map<String, String> env = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("env."))
                .forEach(name -> env.put(name.substring(4), System.getProperty(name)));
        return new Settings(Integer.getInteger("nodes", 1), Integer.getInteger("sockets", 1000),
                Integer.getInteger("rooms", 10), Integer.getInteger("events", 20_000),
                Integer.getInteger("warmup", 5_000),
                Integer.getInteger("publishers", 8), "broadcast".equals(System.getProperty("scenario", "rooms")),
                Boolean.getBoolean("stores"), Boolean.getBoolean("auth"),
                Path.of(System.getProperty("jar", "app/target/quarkus-app/quarkus-run.jar")), env);
    }

    String describe() {
        return (broadcast ? "broadcast" : "rooms") + (stores ? " with the stores profile (MongoDB, Redis streams)" : "")
                + (auth ? ", subscriber auth required (RS256 tokens)" : "")
                + ": " + nodes + " replica(s), " + sockets + " sockets, " + rooms
                + " rooms, " + events + " events, " + publishers + " publishers" + (serviceEnv.isEmpty() ? ""
                        : ", env " + serviceEnv);
    }
}
