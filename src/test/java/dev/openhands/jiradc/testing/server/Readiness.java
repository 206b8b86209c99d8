package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.Eventually;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Waiting for a server process started by a test or a benchmark to answer its readiness check. */
final class Readiness {

    private Readiness() {
    }

    /**
     * @return the body of the first 200 from {@code readiness}
     * @throws IllegalStateException when the process stops, the server reports a failed deployment, or the time is up
     */
    static String await(Process process, URI readiness, String server, Path log, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(server + " stopped (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return ready.body();
                }
                last = ready.statusCode() + " " + ready.body();
                if (last.contains("\"FAILED\"")) {
                    throw new IllegalStateException(server + " could not deploy the WAR: " + last + "; see " + log);
                }
            } catch (ConnectException e) {
                last = "not listening yet";
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Eventually.pause(500);
        }
        throw new IllegalStateException(server + " not ready after " + timeout + ": " + last + "; see " + log);
    }
}
