package com.callportrait.portrait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingBuildTest {
    private static final Instant AS_OF = GeneratorOptions.DEFAULT_END;
    /** Damaged records (duplicates, bad values, future dates) so cleaning has work in both builds. */
    private static final GeneratorOptions DATA = GeneratorOptions.of(7, 1200, 12_000).withDirtyShare(0.03);
    private static final int CUSTOMERS = 1200;

    /** Contacts known only by the caller's number: 40 of known customers, 3 of unknown numbers, 1 of none. */
    private static final Source BY_PHONE = new Source() {
        @Override
        public String name() {
            return "calls-by-phone";
        }

        @Override
        public long readInto(RecordSink sink) {
            long n = 0;
            for (int i = 0; i < 40; i++) {
                int c = i * 29;
                sink.interaction(new InteractionRecord("phone-" + i, null, "+" + SyntheticGenerator.phoneDigits(c),
                        "voice", AS_OF.minusSeconds(86_400L * (i + 1)), "billing", "agent-07", 30, 200,
                        i % 2 == 0 ? "resolved" : "unresolved", 2, null, null,
                        "caller: i want to make a formal complaint about my bill"));
                n++;
            }
            for (int i = 0; i < 3; i++) {
                sink.interaction(new InteractionRecord("stranger-" + i, null, "+1555010000" + i, "voice",
                        AS_OF.minusSeconds(3600), "sales", null, 5, 60, "resolved", null, null, null, null));
                n++;
            }
            sink.interaction(new InteractionRecord("nobody", null, null, "chat", AS_OF.minusSeconds(60), null, null,
                    null, null, null, null, null, null, "hello"));
            sink.rejected("calls-by-phone", 99, "unparseable line");
            return n + 1;
        }
    };

    @Test
    void streamingBuildGivesTheInMemoryBuildsPortraitsFieldForField(@TempDir Path spill) {
        PortraitConfig config = PortraitConfig.load();
        List<Source> sources = List.of(new SyntheticSource(DATA), BY_PHONE);
        InMemoryProfileStore inMemory = InMemoryProfileStore.create();
        BatchBuild.Result a = new BatchBuild(config, inMemory, 50_000, 2)
                .run(sources, AS_OF, null, BuildListener.NONE, null);
        InMemoryProfileStore streamed = InMemoryProfileStore.create();
        StoreSink sink = new StoreSink(streamed, 64);
        BatchBuild.Result b = new StreamingBuild(config, sink, 50_000, 2, 16, spill)
                .run(sources, AS_OF, null, BuildListener.NONE, null, null);

        assertEquals(CUSTOMERS, a.summary().customers());
        assertEquals(a.summary().customers(), b.summary().customers());
        assertEquals(CUSTOMERS, b.summary().saved());
        assertEquals(0, b.summary().saveFailures());
        assertEquals(a.summary().records(), b.summary().records());
        assertEquals(a.summary().cleaning(), b.summary().cleaning());
        assertTrue(b.summary().cleaning().get("duplicate.interaction") > 0, "dirty data exercised de-duplication");
        assertEquals(3, b.summary().cleaning().get("unmatched.interaction"));
        assertEquals(1, b.summary().cleaning().get("unattributable.interaction"));
        assertEquals(1, b.summary().cleaning().get("rejected.unparseable"));
        assertEquals(a.summary().segments(), b.summary().segments());
        assertEquals(a.summary().riskMetrics(), b.summary().riskMetrics());
        assertEquals(a.summary().silhouettes(), b.summary().silhouettes());
        int withPhoneContact = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = SyntheticGenerator.customerId(i);
            CustomerProfile x = find(inMemory, id);
            CustomerProfile y = find(streamed, id);
            assertEquals(x, y, "portrait of " + id);
            if (i % 29 == 0 && i / 29 < 40) {
                Instant at = AS_OF.minusSeconds(86_400L * (i / 29 + 1));
                withPhoneContact += y.lastTopics().stream().anyMatch(t -> t.at().equals(at)) ? 1 : 0;
            }
        }
        assertTrue(withPhoneContact > 0, "contacts known only by phone reached their customers");
        try (var left = Files.list(spill)) {
            assertEquals(0, left.count(), "the spill directory is removed after the build");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trainsOnABoundedSampleAndStillPortraysEveryone(@TempDir Path spill) {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        BatchBuild.Result r = new StreamingBuild(PortraitConfig.load(), new StoreSink(store), 300, 1, 32, spill)
                .run(List.of(new SyntheticSource(DATA)), AS_OF, null, BuildListener.NONE, null, null);
        assertEquals(CUSTOMERS, r.summary().customers());
        assertEquals(CUSTOMERS, r.summary().saved());
        double heldOut = r.summary().riskMetrics().get("n_heldout");
        assertTrue(heldOut > 0 && heldOut <= 300, "held-out rows come from the 300-customer sample, was " + heldOut);
        assertEquals(0, r.histories().size(), "a streaming build keeps no histories");
        assertTrue(r.summary().trained());
    }

    @Test
    void reusedModelsAndFinishedCustomersReachTheSinkWithTheirHistories(@TempDir Path spill) {
        BatchBuild.Result trained = EngineFixture.build();
        AtomicLong customers = new AtomicLong();
        AtomicLong contacts = new AtomicLong();
        PortraitSink counting = new PortraitSink() {
            @Override
            public void write(List<Finished> batch) {
                for (Finished f : batch) {
                    assertEquals(f.history().customerId(), f.portrait().customerId());
                    customers.incrementAndGet();
                    contacts.addAndGet(f.history().contacts().size());
                }
            }

            @Override
            public void finish(java.time.Duration timeout) {
            }

            @Override
            public long saved() {
                return customers.get();
            }

            @Override
            public long failed() {
                return 0;
            }
        };
        BatchBuild.Result r = new StreamingBuild(PortraitConfig.load(), counting, 1000, 2, 8, spill)
                .run(List.of(new SyntheticSource(DATA)), AS_OF, trained.models(), BuildListener.NONE, null, null);
        assertFalse(r.summary().trained());
        assertNull(r.heldOut());
        assertEquals(CUSTOMERS, customers.get());
        // cleaning drops duplicates before they are accepted, and no customer reaches the 200-contact bound
        assertEquals(r.summary().cleaning().get("accepted.interaction"), contacts.get(),
                "every accepted contact is in its customer's history");
    }

    @Test
    void partitionsAreHashRangesCoveringEveryPartition() {
        int[] counts = new int[16];
        for (int i = 0; i < 16_000; i++) {
            int p = Partitioner.partitionOf(SyntheticGenerator.customerId(i), 16);
            assertTrue(p >= 0 && p < 16);
            counts[p]++;
        }
        for (int c : counts) {
            assertTrue(c > 800 && c < 1200, "balanced partitions, got " + java.util.Arrays.toString(counts));
        }
        assertEquals(0, Partitioner.partitionOf("C0000001", 1));
    }

    private static CustomerProfile find(InMemoryProfileStore store, String id) {
        Optional<CustomerProfile> p = store.findById(id).toCompletableFuture().join();
        assertTrue(p.isPresent(), "no portrait for " + id);
        return p.get();
    }
}
