import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * The benchmark's own token issuer, so a run needs no Keycloak: a fresh RSA key pair, the public key for
 * dashboard-api ({@code quarkus.oidc.public-key}, verified exactly like a Keycloak-signed token: RS256, audience,
 * expiry, roles from {@code groups}) and one RS256 access token of an {@code admin}, valid for a day.
 * Usage: java BenchToken.java DIR → DIR/public-key.txt, DIR/token.txt
 */
public class BenchToken {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String claims = "{\"iss\":\"spotfunnel-bench\",\"sub\":\"bench-admin\",\"preferred_username\":\"bench-admin\","
                + "\"aud\":\"spotfunnel-api\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 86400) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("token.txt"), signingInput + "." + b64(rs256.sign()));
        Files.writeString(dir.resolve("public-key.txt"), Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
