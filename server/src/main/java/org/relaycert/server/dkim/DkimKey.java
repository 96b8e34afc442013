package org.relaycert.server.dkim;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A relay's DKIM key pair, read from PEM (PKCS#1 as {@code opendkim-genkey} writes it, or PKCS#8) or
 * generated (RSA 2048, as chatmail's example zone) and saved so the published record stays valid.
 */
public record DkimKey(PrivateKey privateKey, PublicKey publicKey) {

    /** Reads {@code file}; when it does not exist, generates a key and writes it there (mode of the data dir). */
    public static DkimKey loadOrCreate(Path file) throws IOException {
        return loadOrCreate(file, DkimKey::generate);
    }

    /** Reads {@code file}; when it does not exist, writes {@code fresh}'s key there (PEM, atomically). */
    public static DkimKey loadOrCreate(Path file, Supplier<KeyPair> fresh) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        KeyPair pair = fresh.get();
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(pair.getPrivate());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem.toString());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new DkimKey(pair.getPrivate(), pair.getPublic());
    }

    public static DkimKey read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) {
                KeyPair pair = conv.getKeyPair(kp);
                return new DkimKey(pair.getPrivate(), pair.getPublic());
            }
            if (o instanceof PrivateKeyInfo info) {
                PrivateKey priv = conv.getPrivateKey(info);
                var crt = (java.security.interfaces.RSAPrivateCrtKey) priv;
                PublicKey pub = java.security.KeyFactory.getInstance("RSA").generatePublic(
                        new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                return new DkimKey(priv, pub);
            }
            throw new IOException(file + ": not an RSA private key in PEM");
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key record chatmail publishes: {@code v=DKIM1;k=rsa;p=<key>;s=email;t=s}. */
    public String txtRecord() {
        return "v=DKIM1;k=rsa;p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded()) + ";s=email;t=s";
    }
}
