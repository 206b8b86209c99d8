package dev.openhands.jiradc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for the servers the tests start: free ones, so that test JVMs running side by side never collide. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on now (the system's choice). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
