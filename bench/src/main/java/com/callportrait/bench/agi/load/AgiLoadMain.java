package com.callportrait.bench.agi.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The FastAGI load process: plays Asterisk against one server from its own JVM, so the server's
 * CPU and latency are measured without a load generator in its process. Started by
 * {@code bench agi}; prints one {@code RESULT} line per measured phase ({@link PhaseResult}).
 *
 * <pre>
 * java -cp callportrait-bench.jar com.callportrait.bench.agi.load.AgiLoadMain
 *     --target 127.0.0.1:4573 --server-pid 1234 [--redis-pid 1200] --mix callers.tsv
 *     --phase closed:64:5:10 [--phase warm:1000:10] --phase rate:1000:10 ...
 * </pre>
 * {@code closed:C:W:S} = C sessions in flight, W s warm-up, S s measured; {@code rate:R:S} = R
 * sessions/s for S s. Reads no environment variables. Single-threaded apart from its event loop.
 */
public final class AgiLoadMain {
    private AgiLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        String target = null;
        String serverPid = null;
        String redisPid = null;
        Path mixFile = null;
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--target" -> target = v;
                case "--server-pid" -> serverPid = v;
                case "--redis-pid" -> redisPid = v;
                case "--mix" -> mixFile = Path.of(v);
                case "--phase" -> phases.add(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (target == null || serverPid == null || mixFile == null || phases.isEmpty()) {
            throw new IllegalArgumentException("--target, --server-pid, --mix and at least one --phase are required");
        }
        int colon = target.lastIndexOf(':');
        InetSocketAddress addr = new InetSocketAddress(target.substring(0, colon),
                Integer.parseInt(target.substring(colon + 1)));
        List<MixEntry> mix = readMix(mixFile);
        try (LoadRunner runner = new LoadRunner(addr, mix, serverPid, redisPid)) {
            for (String p : phases) {
                String[] f = p.split(":");
                PhaseResult r = switch (f[0]) {
                    case "closed" -> runner.closedLoop("closed-" + f[1], Integer.parseInt(f[1]),
                            Double.parseDouble(f[2]), Double.parseDouble(f[3]));
                    case "rate" -> runner.fixedRate("rate-" + f[1], Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    case "warm" -> runner.fixedRate("warm-" + f[1], Integer.parseInt(f[1]), Double.parseDouble(f[2]));
                    default -> throw new IllegalArgumentException("unknown phase " + p);
                };
                if (f[0].equals("warm")) {
                    System.err.println("warm-up, not reported: " + r.line());
                    continue;
                }
                System.out.println(r.line());
                System.out.flush();
            }
        }
    }

    private static List<MixEntry> readMix(Path file) throws IOException {
        List<MixEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(MixEntry.parse(line));
            }
        }
        return out;
    }
}
