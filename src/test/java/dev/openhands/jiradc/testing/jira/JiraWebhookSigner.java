package dev.openhands.jiradc.testing.jira;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a webhook body the way Jira Data Center 10+ does: {@code X-Hub-Signature: sha256=<hex>}. */
public final class JiraWebhookSigner {

    public static final String HEADER = "X-Hub-Signature";

    private JiraWebhookSigner() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String body, String secret) {
        return sign(body.getBytes(StandardCharsets.UTF_8), secret);
    }
}
