package dev.openhands.jiradc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test, as an internal company CA: its certificate (PEM), and a
 * keystore for Jira's https with a server certificate for 127.0.0.1 that it signed. Made with the JDK's
 * keytool, so nothing else is needed.
 */
public final class TestCa {

    public static final String PASSWORD = "changeit";

    public final Path certificateFile;
    public final Path jiraKeystore;

    private TestCa(Path certificateFile, Path jiraKeystore) {
        this.certificateFile = certificateFile;
        this.jiraKeystore = jiraKeystore;
    }

    public static TestCa generate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path ca = directory.resolve("ca.p12");
            Path caPem = directory.resolve("ca.pem");
            Path jira = directory.resolve("jira.p12");
            Path csr = directory.resolve("jira.csr");
            Path jiraPem = directory.resolve("jira.pem");
            for (Path file : List.of(ca, caPem, jira, csr, jiraPem)) {
                Files.deleteIfExists(file);
            }
            keytool("-genkeypair", "-keystore", ca, "-alias", "ca", "-dname", "CN=Test Company Root CA", "-keyalg",
                    "RSA",
                    "-keysize", "2048", "-validity", "2", "-ext", "bc:c");
            keytool("-exportcert", "-keystore", ca, "-alias", "ca", "-rfc", "-file", caPem);
            keytool("-genkeypair", "-keystore", jira, "-alias", "jira", "-dname", "CN=127.0.0.1", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "2");
            keytool("-certreq", "-keystore", jira, "-alias", "jira", "-file", csr);
            keytool("-gencert", "-keystore", ca, "-alias", "ca", "-infile", csr, "-outfile", jiraPem, "-rfc",
                    "-validity", "2",
                    "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth");
            keytool("-importcert", "-keystore", jira, "-alias", "ca", "-file", caPem, "-noprompt");
            keytool("-importcert", "-keystore", jira, "-alias", "jira", "-file", jiraPem, "-noprompt");
            return new TestCa(caPem, jira);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String certificatePem() {
        try {
            return Files.readString(certificateFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(Object... arguments) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
