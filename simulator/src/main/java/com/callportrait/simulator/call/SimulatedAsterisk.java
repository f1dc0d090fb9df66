package com.callportrait.simulator.call;

import com.callportrait.simulator.ami.AmiEndpoint;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The simulator's AMI endpoint in front of an application (demo, simulate, soak, tests): an
 * {@link AmiEndpoint} on a free loopback port with user {@value #USER} and a random secret. The
 * application is pointed at it with {@link #amiUri()} (the {@code CP_AMI_URI} form).
 * Thread-safe. Lifecycle: {@link #start}, {@link #close()}.
 */
public final class SimulatedAsterisk implements AutoCloseable {
    /** The AMI user the endpoint accepts. */
    public static final String USER = "callportrait";

    private final AmiEndpoint ami;
    private final InetSocketAddress address;
    private final String secret;

    private SimulatedAsterisk(AmiEndpoint ami, InetSocketAddress address, String secret) {
        this.ami = ami;
        this.address = address;
        this.secret = secret;
    }

    /** Starts the AMI endpoint on 127.0.0.1 and a free port. */
    public static SimulatedAsterisk start() throws InterruptedException {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        AmiEndpoint ami = AmiEndpoint.create(USER, secret);
        return new SimulatedAsterisk(ami, ami.start("127.0.0.1", 0), secret);
    }

    /** {@code ami://user:secret@127.0.0.1:port}: where the application's AMI client logs in. */
    public String amiUri() {
        return "ami://" + USER + ":" + secret + "@" + address.getHostString() + ":" + address.getPort();
    }

    /** Where the AMI endpoint listens (127.0.0.1). */
    public InetSocketAddress amiAddress() {
        return address;
    }

    /** The secret the endpoint accepts for {@link #USER}. */
    public String secret() {
        return secret;
    }

    public AmiEndpoint ami() {
        return ami;
    }

    /**
     * Waits until the application has logged in to the endpoint.
     *
     * @throws IllegalStateException when it has not within {@code timeout}
     */
    public void awaitLogin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ami.clients() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not log in to the simulated AMI endpoint");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        ami.close();
    }
}
