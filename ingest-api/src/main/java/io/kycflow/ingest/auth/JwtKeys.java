package io.kycflow.ingest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ring of ES256 keys that sign and verify JWTs, read from one PEM file that every API instance
 * loads. In file order: each PKCS#8 {@code PRIVATE KEY} is followed by its {@code PUBLIC KEY} (what
 * {@code openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt} and
 * {@code openssl ec -pubout} write); a {@code PUBLIC KEY} on its own is a retired key that only verifies.
 * The first private key signs; every key verifies. To rotate, put a new pair first and keep the old
 * one after it until the tokens it signed have expired. The embedded default generates one pair in the
 * data directory, readable by its owner only.
 */
public final class JwtKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final List<JwtKey> keys;

    public JwtKeys(List<JwtKey> keys) {
        this.keys = List.copyOf(keys);
        if (this.keys.stream().noneMatch(JwtKey::canSign)) {
            throw new IllegalArgumentException("the JWT key ring needs at least one private key to sign with");
        }
        if (this.keys.stream().map(JwtKey::keyId).distinct().count() != this.keys.size()) {
            throw new IllegalArgumentException("the JWT key ring holds the same key twice");
        }
    }

    /** The key new tokens are signed with: the first that has a private half. */
    public JwtKey signing() {
        return keys.stream().filter(JwtKey::canSign).findFirst().orElseThrow();
    }

    public Optional<JwtKey> find(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** Every key, signing key first: what the JWKS publishes. */
    public List<JwtKey> all() {
        return keys;
    }

    public static JwtKeys loadOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, toPem(generate()), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the JWT key file " + file, e);
        }
    }

    public static JwtKeys load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<JwtKey> keys = new ArrayList<>();
        ECPrivateKey pendingPrivate = null;
        Matcher m = PEM.matcher(text);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                switch (m.group(1)) {
                    case "PRIVATE KEY" -> {
                        if (pendingPrivate != null) {
                            throw new IOException(file + ": a PRIVATE KEY must be followed by its PUBLIC KEY");
                        }
                        pendingPrivate = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                    }
                    case "PUBLIC KEY" -> {
                        ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
                        if (pendingPrivate != null) {
                            requirePair(file, publicKey, pendingPrivate);
                        }
                        keys.add(new JwtKey(keyIdOf(der), publicKey, Optional.ofNullable(pendingPrivate)));
                        pendingPrivate = null;
                    }
                    default -> { }
                }
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + " does not hold EC P-256 keys: " + e.getMessage(), e);
        }
        if (pendingPrivate != null || keys.stream().noneMatch(JwtKey::canSign)) {
            throw new IOException(file + " must hold a PKCS#8 'PRIVATE KEY' followed by its 'PUBLIC KEY' (EC P-256) "
                    + "in PEM, then optionally older keys");
        }
        try {
            return new JwtKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A private key paired with the wrong public key would sign tokens nobody can verify: refuse at start. */
    private static void requirePair(Path file, ECPublicKey publicKey, ECPrivateKey privateKey)
            throws GeneralSecurityException, IOException {
        byte[] probe = "kycflow-key-pair-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IOException(file + ": a PUBLIC KEY does not belong to the PRIVATE KEY before it");
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC key pair", e);
        }
    }

    /** A key pair as this class reads it: the private key, then its public key. */
    public static String toPem(KeyPair pair) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PRIVATE KEY-----\n" + encoder.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + publicPem(pair);
    }

    /** The public half alone: a retired key that still verifies. */
    public static String publicPem(KeyPair pair) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PUBLIC KEY-----\n" + encoder.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String keyIdOf(byte[] publicDer) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicDer), 0, 8);
    }
}
