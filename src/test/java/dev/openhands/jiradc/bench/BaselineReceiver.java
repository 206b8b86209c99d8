package dev.openhands.jiradc.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The least a webhook receiver must do, for the benchmark to compare the service with: read the raw
 * body, check {@code X-Hub-Signature: sha256=<hex>} over it in constant time, answer 200. Deployed by
 * the benchmark only, in its own small WAR beside the service on the same Payara Micro; the secret
 * comes from the server's system property {@value #SECRET_PROPERTY}.
 */
@Path("connections/{connectionId}/events")
public class BaselineReceiver {

    public static final String SECRET_PROPERTY = "bench.baseline.secret";
    private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-fA-F]{64}");
    private static final byte[] SECRET = System.getProperty(SECRET_PROPERTY, "").getBytes(StandardCharsets.UTF_8);

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        if (signature == null || !SIGNATURE.matcher(signature).matches()
                || !MessageDigest.isEqual(hmac(body), HexFormat.of().parseHex(signature.substring("sha256=".length())))) {
            return Response.status(Response.Status.FORBIDDEN).entity("{\"error\":\"This delivery is not accepted.\"}").build();
        }
        return Response.ok("{\"outcome\":\"accepted\"}").build();
    }

    private static byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
