package dev.openhands.jiradc.settings.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** Reads the trusted CA setting: PEM text, or the path of a PEM file. */
public final class PemCertificates {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private PemCertificates() {
    }

    public static List<X509Certificate> read(String value) {
        String pem = value.contains(BEGIN) ? value.replace("\\n", "\n") : readFile(value);
        if (!pem.contains(BEGIN)) {
            throw new UnreadableCertificates("the file " + value + " holds no PEM certificate (" + BEGIN + ").");
        }
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new UnreadableCertificates(
                        "holds no certificate; paste the CA's PEM text or give the path of a PEM file.");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new UnreadableCertificates("holds a certificate that cannot be read (" + e.getMessage()
                    + "); paste the CA's PEM text, from " + BEGIN + " to -----END CERTIFICATE-----.");
        }
    }

    private static String readFile(String value) {
        try {
            return Files.readString(Path.of(value), StandardCharsets.US_ASCII);
        } catch (InvalidPathException | IOException e) {
            throw new UnreadableCertificates(
                    "is neither PEM text (" + BEGIN + " ...) nor a readable PEM file: cannot read '"
                            + value + "'.");
        }
    }

    public static final class UnreadableCertificates extends RuntimeException {
        UnreadableCertificates(String message) {
            super(message);
        }
    }
}
