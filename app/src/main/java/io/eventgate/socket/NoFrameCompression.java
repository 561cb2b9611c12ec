package io.eventgate.socket;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Turns off the per-frame compression extension, which Vert.x offers by default and websockets-next
 * has no setting for (per-message compression is off in {@code application.properties}). With no
 * extension, Netty's decoder refuses frames with reserved bits set (1002), and no frame is
 * compressed once per socket.
 */
@Singleton
public class NoFrameCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }
}
