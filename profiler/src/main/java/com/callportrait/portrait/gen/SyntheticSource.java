package com.callportrait.portrait.gen;

import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator as a {@link Source}: streams the synthetic history straight into a build without
 * files (demo and benchmarks). Reading twice gives the same records. Not thread-safe.
 */
public final class SyntheticSource implements Source {
    private final SyntheticGenerator generator;

    public SyntheticSource(GeneratorOptions options) {
        this.generator = new SyntheticGenerator(options);
    }

    @Override
    public String name() {
        GeneratorOptions o = generator.options();
        return "synthetic:seed=" + o.seed() + ",customers=" + o.customers();
    }

    @Override
    public long readInto(RecordSink sink) {
        AtomicLong n = new AtomicLong();
        generator.generate(new RecordSink() {
            @Override public void customer(com.callportrait.portrait.collect.CustomerRecord r) { n.incrementAndGet(); sink.customer(r); }
            @Override public void bill(com.callportrait.portrait.collect.BillRecord r) { n.incrementAndGet(); sink.bill(r); }
            @Override public void complaint(com.callportrait.portrait.collect.ComplaintRecord r) { n.incrementAndGet(); sink.complaint(r); }
            @Override public void ticket(com.callportrait.portrait.collect.TicketRecord r) { n.incrementAndGet(); sink.ticket(r); }
            @Override public void interaction(InteractionRecord r) { n.incrementAndGet(); sink.interaction(r); }
            @Override public void enrichment(com.callportrait.portrait.collect.EnrichmentRecord r) { n.incrementAndGet(); sink.enrichment(r); }
        });
        return n.get();
    }
}
