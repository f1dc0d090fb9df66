package com.callportrait.portrait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.RecordSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOffTest {
    @Test
    void everyRecordArrivesInOrderAndDrainMakesThemVisible() {
        List<String> seen = new ArrayList<>();
        RecordSink target = new RecordSink() {
            @Override public void customer(CustomerRecord r) { seen.add(r.customerId()); }

            @Override public void bill(BillRecord r) { seen.add(r.billId()); }

            @Override public void rejected(String source, long line, String reason) { seen.add(source + ":" + line); }
        };
        List<String> expected = new ArrayList<>();
        try (HandOff h = new HandOff(target, "test-spill")) {
            for (int i = 0; i < 5_000; i++) {
                h.customer(new CustomerRecord("C" + i, null, null, null, null, null, null));
                h.bill(new BillRecord("B" + i, "C" + i, Instant.EPOCH, Instant.EPOCH, null, 1));
                expected.add("C" + i);
                expected.add("B" + i);
            }
            h.rejected("file", 7, "bad");
            expected.add("file:7");
            h.drain();
            assertEquals(expected, seen);
        }
    }

    @Test
    void aFailureWhileSpillingReachesTheReader() {
        RecordSink broken = new RecordSink() {
            @Override public void customer(CustomerRecord r) { throw new IllegalStateException("disk full"); }
        };
        try (HandOff h = new HandOff(broken, "test-spill")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 100_000; i++) {
                    h.customer(new CustomerRecord("C" + i, null, null, null, null, null, null));
                }
                h.drain();
            });
            assertTrue(e.getMessage().contains("disk full"));
        }
    }
}
