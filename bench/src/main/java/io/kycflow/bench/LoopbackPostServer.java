package io.kycflow.bench;

import io.javalin.Javalin;
import io.javalin.http.Handler;

/**
 * The HTTP side of every comparison target: one POST route on a free loopback port, on Javalin with
 * virtual threads as the ingest API runs, so the targets differ only in what their handler does.
 */
final class LoopbackPostServer {

    private LoopbackPostServer() {
    }

    static Javalin create(String path, Handler handler) {
        return Javalin.create(javalin -> {
            javalin.jetty.host = "127.0.0.1";
            javalin.jetty.port = 0;
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.routes.post(path, handler);
        });
    }
}
