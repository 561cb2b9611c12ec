package io.eventgate.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and resident memory of a process, from Linux's /proc.
 */
final class ProcStats {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on Linux x86_64. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** {@code garbage-first heap   total 192512K, used 97197K} and the like of the other collectors. */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

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
     * Runs a full garbage collection in the process ({@code jcmd <pid> GC.run}: a JVM, or a native
     * executable built with jcmd support), so that its resident memory holds what it keeps rather than
     * garbage not yet collected.
     */
    static void collectGarbage(long pid) {
        jcmd(pid, "GC.run");
    }

    /** The heap a JVM uses, in KiB ({@code jcmd <pid> GC.heap_info}, which a native executable does not answer). */
    static long heapUsedKib(long pid) {
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap use in jcmd " + pid + " GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(jcmd + " " + pid + " " + command + " failed: " + output);
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
