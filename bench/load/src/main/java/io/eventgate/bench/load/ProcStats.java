package io.eventgate.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process, from Linux's /proc.
 */
final class ProcStats {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on Linux x86_64. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User plus system CPU seconds the process has used. */
    static double cpuSeconds(long pid) {
        return userSeconds(pid) + systemSeconds(pid);
    }

    /** CPU seconds in the kernel on the process's behalf: system calls, such as socket writes. */
    static double systemSeconds(long pid) {
        return statField(pid, 12) / TICKS_PER_SECOND;
    }

    static double userSeconds(long pid) {
        return statField(pid, 11) / TICKS_PER_SECOND;
    }

    private static long statField(long pid, int index) {
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name, which may itself hold spaces: it ends at the last ')'.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    /**
     * Runs a full garbage collection in the process, so that its resident memory holds what it keeps
     * rather than garbage not yet collected. A JVM: {@code jcmd <pid> GC.run}. A native executable
     * (built with jcmd support): its {@code GC.run} lets the serial collector's policy choose, and it
     * chooses an incremental pass that leaves whatever a connection storm promoted and then dropped;
     * a heap dump collects completely first, so it takes one, to a file deleted at once.
     */
    static void collectGarbage(long pid, boolean nativeExecutable) {
        if (!nativeExecutable) {
            jcmd(pid, "GC.run");
            return;
        }
        try {
            Path directory = Files.createTempDirectory("eventgate-gc");
            Path dump = directory.resolve("heap.hprof");
            try {
                jcmd(pid, "GC.heap_dump", dump.toString());
            } finally {
                Files.deleteIfExists(dump);
                Files.delete(directory);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no heap dump for a full collection in " + pid + ": " + e.getMessage(), e);
        }
    }

    private static String jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("the JDK's jcmd is needed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Resident set size in KiB. */
    static long rssKib(long pid) {
        for (String line : read(Path.of("/proc/" + pid + "/status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("Linux /proc is needed: " + e.getMessage(), e);
        }
    }
}
