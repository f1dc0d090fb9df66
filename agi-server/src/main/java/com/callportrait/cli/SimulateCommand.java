package com.callportrait.cli;

import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.call.CallMix;
import com.callportrait.simulator.call.Caller;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.call.SimulationRun;
import com.callportrait.simulator.call.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: plays many scripted calls end to end and reports what happened and how fast.
 * One instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Starts the server on embedded defaults (embedded Redis, demo customers) with a simulated"
                + " Asterisk: FastAGI sessions, an AMI endpoint the server logs in to, scripted caller moods;"
                + " plays the calls concurrently and prints the AMI actions sent, screen pops received and"
                + " latencies.")
public final class SimulateCommand extends AppCommand {
    @Option(names = "--calls", defaultValue = "50", description = "calls to play (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--agents", defaultValue = "50", description = "agents answering (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--wait-ms", defaultValue = "3000", description = "time each caller waits in the queue")
    long waitMs;

    @Option(names = "--gap-ms", defaultValue = "700", description = "pause between utterances")
    long gapMs;

    @Option(names = "--survey", description = "run the post-call survey on every call")
    boolean survey;

    @Option(names = "--stagger-ms", defaultValue = "100",
            description = "time between call arrivals (0 = all at once; default ${DEFAULT-VALUE})")
    long staggerMs;

    @Option(names = "--warmup", defaultValue = "6", description = "calls played first and not measured (JIT warm-up)")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || agents < 1) {
            err().println("simulate: --calls and --agents must be >= 1");
            return 2;
        }
        AppOptions o = options().withRedis(Optional.empty(), options().embeddedRedisPort()).withPorts(0, 0, 0);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk demo = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            List<Caller> callers = InProcessTarget.demoCallers(o.phones());
            List<SimCall> mix = CallMix.of(callers, calls, Duration.ofMillis(waitMs), Duration.ofMillis(gapMs), survey);
            try (Application stack = Application.start(settings().withApp(o)
                    .withLive(InProcessTarget.liveOptions(settings().live(), demo)), redis, telemetry)) {
                Target target = InProcessTarget.of(stack);
                if (warmup > 0) {
                    SimulationRun.run(target, demo, CallMix.of(callers, warmup, Duration.ofMillis(1000),
                            Duration.ofMillis(200), false), agents, warmup);
                }
                SimulationRun.Report r = SimulationRun.run(target, demo, mix, agents, calls, Duration.ofMillis(staggerMs),
                        (p, x) -> { });
                var w = out();
                w.printf("calls played: %d (%d ok), live calls left: %d%n", r.results().size(), r.ok(), r.liveCallsAfter());
                w.printf("AMI actions received: %s%n", r.actions());
                w.printf("screen pops (AgentConnect -> pop received): n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                        r.popNanos().size(), SimulationRun.percentileMs(r.popNanos(), 0.5),
                        SimulationRun.percentileMs(r.popNanos(), 0.95), SimulationRun.percentileMs(r.popNanos(), 0.99),
                        SimulationRun.percentileMs(r.popNanos(), 1.0));
                w.printf("angry utterance end -> QueueChangePriorityCaller: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                        r.actionNanos().size(), SimulationRun.percentileMs(r.actionNanos(), 0.5),
                        SimulationRun.percentileMs(r.actionNanos(), 0.95), SimulationRun.percentileMs(r.actionNanos(), 1.0));
                w.flush();
                return r.ok() == r.results().size() ? 0 : 1;
            }
        }
    }
}
