package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The first pass of a streaming build: spills every raw record to the partition file of its
 * customer, in arrival order, so that each partition later holds everything about its customers.
 * Partitions are ranges of a 64-bit hash of the customer id ({@link #partitionOf}), which makes the
 * lowest partitions a uniform random sample of the customers (what training reads).
 *
 * <p>A contact without a customer id is attributed here, by its normalised phone, to the customer
 * whose record came first with that phone (the in-memory build attributes at the same moment, so
 * both give the same answer); one that cannot be attributed goes to {@code unattributed} (cleaned
 * and counted there). The phone index and the customer ids are the only state that grows with the
 * customer count. Not thread-safe: one thread writes; {@link #customerIds()} may be called from
 * another thread meanwhile (a weakly consistent snapshot).
 */
final class Partitioner implements RecordSink, AutoCloseable {
    private final Path dir;
    private final DataOutputStream[] out;
    private final UnaryOperator<String> normalisePhone;
    private final RecordSink unattributed;
    /** Raw phone to customer until a contact first needs attributing by phone (normalising costs). */
    private Map<String, String> customerByRawPhone = new LinkedHashMap<>();
    /** Normalised phone to customer, built on first need. */
    private Map<String, String> customerByPhone;
    /** Every customer id seen, with whether its customer record has come (its phone is indexed then). */
    private final Map<String, Boolean> customers = new ConcurrentHashMap<>();
    private String lastRawPhone;
    private String lastPhone;

    Partitioner(Path dir, int partitions, UnaryOperator<String> normalisePhone, RecordSink unattributed) {
        this.dir = dir;
        this.out = new DataOutputStream[partitions];
        this.normalisePhone = normalisePhone;
        this.unattributed = unattributed;
        try {
            for (int p = 0; p < partitions; p++) {
                out[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(dir, p)), 1 << 15));
            }
        } catch (IOException e) {
            close();
            throw new PortraitException("cannot create spill files in " + dir + ": " + e.getMessage(), e);
        }
    }

    static Path file(Path dir, int partition) {
        return dir.resolve(String.format("part-%05d.bin", partition));
    }

    /** The partition of a customer: the top bits of a mixed 64-bit hash of its id, scaled to the range. */
    static int partitionOf(String customerId, int partitions) {
        long z = Contacts.hash(customerId);
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z ^= z >>> 33;
        return (int) (((z >>> 40) * partitions) >>> 24);
    }

    /** Customers seen so far (a snapshot, sorted), e.g. for an enrichment source that asks by id. */
    List<String> customerIds() {
        List<String> ids = new ArrayList<>(customers.keySet());
        ids.sort(null);
        return ids;
    }

    int customers() {
        return customers.size();
    }

    private DataOutputStream of(String customerId) {
        customers.putIfAbsent(customerId, Boolean.FALSE);
        return out[partitionOf(customerId, out.length)];
    }

    private String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.equals(lastRawPhone)) {
            lastRawPhone = raw;
            lastPhone = normalisePhone.apply(raw);
        }
        return lastPhone;
    }

    @Override
    public void customer(CustomerRecord r) {
        if (customers.put(r.customerId(), Boolean.TRUE) != Boolean.TRUE) {
            // the first record of a customer is the one cleaning keeps: its phone is the one indexed
            index(r.phone(), r.customerId());
        }
        write(() -> SpillCodec.customer(of(r.customerId()), r));
    }

    @Override
    public void bill(BillRecord r) {
        write(() -> SpillCodec.bill(of(r.customerId()), r));
    }

    @Override
    public void complaint(ComplaintRecord r) {
        write(() -> SpillCodec.complaint(of(r.customerId()), r));
    }

    @Override
    public void ticket(TicketRecord r) {
        write(() -> SpillCodec.ticket(of(r.customerId()), r));
    }

    @Override
    public void enrichment(EnrichmentRecord r) {
        write(() -> SpillCodec.enrichment(of(r.customerId()), r));
    }

    /**
     * Indexes a customer's phone, the later customer winning a shared number (as the in-memory
     * index does). Until a contact needs it the raw number is kept, so a source whose contacts all
     * carry customer ids never pays for phone parsing here.
     */
    private void index(String rawPhone, String customerId) {
        if (rawPhone == null || rawPhone.isBlank()) {
            return;
        }
        if (customerByPhone == null) {
            customerByRawPhone.remove(rawPhone); // re-inserted last: the order of the puts is kept
            customerByRawPhone.put(rawPhone, customerId);
        } else {
            String p = phone(rawPhone);
            if (p != null) {
                customerByPhone.put(p, customerId);
            }
        }
    }

    private String customerOfPhone(String rawPhone) {
        if (customerByPhone == null) {
            customerByPhone = new HashMap<>(Math.max(16, customerByRawPhone.size() * 2));
            customerByRawPhone.forEach((raw, id) -> {
                String p = phone(raw);
                if (p != null) {
                    customerByPhone.put(p, id);
                }
            });
            customerByRawPhone = null;
        }
        String p = phone(rawPhone);
        return p == null ? null : customerByPhone.get(p);
    }

    @Override
    public void interaction(InteractionRecord r) {
        String id = r.customerId();
        if (id == null) {
            id = customerOfPhone(r.phone());
        }
        if (id == null) {
            unattributed.interaction(r);
            return;
        }
        String customerId = id;
        write(() -> SpillCodec.interaction(of(customerId), r, customerId));
    }

    @Override
    public void rejected(String source, long line, String reason) {
        unattributed.rejected(source, line, reason);
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file", e);
        }
    }

    /** Flushes every partition file; they can be read after this. */
    void finish() {
        for (DataOutputStream o : out) {
            write(o::flush);
        }
    }

    @Override
    public void close() {
        for (DataOutputStream o : out) {
            if (o != null) {
                try {
                    o.close();
                } catch (IOException ignored) {
                    // best effort: the spill directory is deleted right after
                }
            }
        }
    }

    Path dir() {
        return dir;
    }
}
