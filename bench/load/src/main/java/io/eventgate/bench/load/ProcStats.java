package io.eventgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
