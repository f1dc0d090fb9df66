package com.callportrait.sim;

import com.callportrait.live.ami.AmiOptions;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.CustomerProfile;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Puts the simulator's AMI endpoint in front of an in-process server (demo, simulate): a
 * {@link SimAmiServer} on a free loopback port with a random secret, and live options pointing the
 * application's AMI client at it. Lifecycle: {@link #start}, {@link #close()}.
 */
public final class LiveDemo implements AutoCloseable {
    private final SimAmiServer ami;
    private final LiveOptions options;

    private LiveDemo(SimAmiServer ami, LiveOptions options) {
        this.ami = ami;
        this.options = options;
    }

    /** Starts the AMI endpoint and returns live options connecting to it. */
    public static LiveDemo start(LiveOptions base) throws InterruptedException {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        SimAmiServer ami = SimAmiServer.create("callportrait", secret);
        InetSocketAddress a = ami.start("127.0.0.1", 0);
        return new LiveDemo(ami, base.withAmi(Optional.of(AmiOptions.of("127.0.0.1", a.getPort(), "callportrait",
                secret))));
    }

    public LiveOptions options() {
        return options;
    }

    public SimAmiServer ami() {
        return ami;
    }

    /** A mix of calls: known customers and withheld numbers, calm, angry and escalating callers. */
    public static List<SimCall> mix(List<CustomerProfile> customers, int n, java.time.Duration wait,
                                    java.time.Duration gap, boolean survey) {
        List<SimCall> calls = new ArrayList<>();
        Mood[] moods = Mood.values();
        for (int i = 0; i < n; i++) {
            Mood m = moods[i % moods.length];
            String phone = "";
            String name = "";
            if (!customers.isEmpty() && i % 7 != 6) {
                CustomerProfile p = customers.get(i % customers.size());
                phone = p.phones().isEmpty() ? "" : p.phones().get(0);
                name = p.name();
            }
            calls.add(new SimCall(phone, name, m, wait, gap, survey ? Integer.toString(1 + i % 5) : ""));
        }
        return calls;
    }

    @Override
    public void close() {
        ami.close();
    }
}
