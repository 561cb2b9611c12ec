package io.eventgate.logger.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.Extension;

/**
 * Everything written to standard output from its installation on, kept as well as printed. Installed
 * from a static field, it is in place before the application starts, so that it also sees what the
 * packaged application prints ({@code @QuarkusIntegrationTest} drains the process's output into the
 * standard output that was current when it started it).
 */
final class StdoutTee implements Extension {

    private static final ByteArrayOutputStream KEPT = new ByteArrayOutputStream();
    private static StdoutTee installed;

    private StdoutTee() {
    }

    static synchronized StdoutTee install() {
        if (installed == null) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    original.write(b);
                    synchronized (KEPT) {
                        KEPT.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    original.write(bytes, offset, length);
                    synchronized (KEPT) {
                        KEPT.write(bytes, offset, length);
                    }
                }
            }, true, StandardCharsets.UTF_8));
            installed = new StdoutTee();
        }
        return installed;
    }

    String text() {
        synchronized (KEPT) {
            return KEPT.toString(StandardCharsets.UTF_8);
        }
    }
}
