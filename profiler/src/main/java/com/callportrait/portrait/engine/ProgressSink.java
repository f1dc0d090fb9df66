package com.callportrait.portrait.engine;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;

/** Forwards records and reports every 8,192nd to the listener. Not thread-safe (one reader). */
final class ProgressSink implements RecordSink {
    private final RecordSink next;
    private final BuildListener listener;
    private long n;

    ProgressSink(RecordSink next, BuildListener listener) {
        this.next = next;
        this.listener = listener;
    }

    private void tick() {
        if ((++n & 8191) == 0) {
            listener.progress(n);
        }
    }

    @Override public void customer(CustomerRecord r) { tick(); next.customer(r); }

    @Override public void bill(BillRecord r) { tick(); next.bill(r); }

    @Override public void complaint(ComplaintRecord r) { tick(); next.complaint(r); }

    @Override public void ticket(TicketRecord r) { tick(); next.ticket(r); }

    @Override public void interaction(InteractionRecord r) { tick(); next.interaction(r); }

    @Override public void enrichment(EnrichmentRecord r) { tick(); next.enrichment(r); }

    @Override public void feedback(com.callportrait.portrait.collect.FeedbackRecord r) { tick(); next.feedback(r); }

    @Override public void rejected(String source, long line, String reason) { next.rejected(source, line, reason); }
}
