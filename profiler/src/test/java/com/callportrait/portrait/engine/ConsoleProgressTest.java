package com.callportrait.portrait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainLinesWithPhaseCountsRateAndEtaWhenNotATerminal() {
        StringWriter bytes = new StringWriter();
        AtomicLong now = new AtomicLong();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(bytes, true), false,
                10 * SECOND, now::get);
        p.phase("portraits", 1_000_000);
        now.set(5 * SECOND);
        p.progress(100_000); // within the interval: not printed
        now.set(20 * SECOND);
        p.progress(400_000);
        now.set(50 * SECOND);
        p.phaseDone("portraits", 50_000);
        p.close();
        List<String> lines = bytes.toString().lines().toList();
        assertEquals(List.of("portraits: started (1,000,000 to do)",
                "portraits [============>                 ] 400,000/1,000,000  40% 20,000/s ETA 30s",
                "portraits: done 1,000,000 in 50s"), lines);
        assertFalse(bytes.toString().contains("\r"), "no carriage returns in a log");
    }

    @Test
    void redrawsInPlaceOnATerminalAndCountsWhenTheTotalIsUnknown() {
        StringWriter bytes = new StringWriter();
        AtomicLong now = new AtomicLong();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(bytes, true), true,
                10 * SECOND, now::get);
        p.phase("read", -1);
        now.set(2 * SECOND);
        p.progress(8_192);
        now.set(65 * SECOND);
        p.progress(16_384);
        p.phaseDone("read", 65_000);
        String text = bytes.toString();
        assertTrue(text.startsWith("\rread 8,192 4,096/s elapsed 2s"), text);
        assertTrue(text.contains("\rread 16,384 252/s elapsed 1m05s"), text);
        assertTrue(text.endsWith("read: done 16,384 in 1m05s" + System.lineSeparator()), text);
    }
}
