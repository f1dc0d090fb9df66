package com.callportrait.testkit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made at test time (BouncyCastle), so no key is ever
 * committed: {@link #create} makes a CA, {@link #writeServer} a server certificate signed by it for
 * {@code localhost} and {@code 127.0.0.1}; everything is written as PEM, as redis-server and
 * {@code CP_REDIS_TLS_CA} want it. Not thread-safe; one per test class.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private final String name;
    private final KeyPair key;
    private final X509Certificate certificate;

    private TestCertificates(String name, KeyPair key, X509Certificate certificate) {
        this.name = name;
        this.key = key;
        this.certificate = certificate;
    }

    /** A new self-signed CA named {@code name}, valid for a day. */
    public static TestCertificates create(String name) throws GeneralSecurityException {
        KeyPair kp = keyPair();
        X500Name dn = new X500Name("CN=" + name);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(dn, serial(), notBefore(), notAfter(), dn,
                    kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCertificates(name, kp, sign(b, kp.getPrivate()));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Writes the CA certificate as PEM to {@code file}. */
    public Path writeCa(Path file) throws IOException {
        write(file, certificate);
        return file;
    }

    /** Writes a server certificate for localhost/127.0.0.1 signed by this CA, and its key (PKCS#8), as PEM. */
    public void writeServer(Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
        KeyPair kp = keyPair();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(), notBefore(), notAfter(),
                new X500Name("CN=localhost"), kp.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        write(certFile, sign(b, key.getPrivate()));
        write(keyFile, new JcaPKCS8Generator(kp.getPrivate(), null));
    }

    @Override
    public String toString() {
        return "TestCertificates[" + name + "]";
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter w = new JcaPEMWriter(out)) {
            if (pem instanceof org.bouncycastle.util.io.pem.PemObjectGenerator g) {
                w.writeObject(g);
            } else {
                w.writeObject(pem);
            }
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
