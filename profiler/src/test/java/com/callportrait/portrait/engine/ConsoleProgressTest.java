package com.callportrait.portrait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void plainLinesWithPhaseCountsAndADoneLineWhenNotATerminal() {
        StringWriter bytes = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(bytes, true), false, Duration.ofMinutes(10))) {
            p.phase("portraits", 1_000_000);
            p.progress(400_000);
            p.progress(100_000); // out of order: never goes back
            p.phaseDone("portraits", 50_000);
        }
        List<String> lines = bytes.toString().lines().toList();
        assertEquals("portraits: started (1,000,000 to do)", lines.get(0));
        assertEquals(lines.stream().distinct().count(), lines.size(), "no line twice: " + lines);
        String bar = lines.get(lines.size() - 2);
        assertTrue(bar.startsWith("portraits 100% [") && bar.contains("1000000/1000000"), bar);
        assertEquals("portraits: done 1,000,000 in 50s", lines.get(lines.size() - 1));
        assertFalse(bytes.toString().contains("\r"), "no carriage returns in a log");
    }

    @Test
    void redrawsInPlaceOnATerminalAndCountsWhenTheTotalIsUnknown() {
        StringWriter bytes = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(bytes, true), true, Duration.ofSeconds(10));
        p.phase("read", -1);
        p.progress(16_384);
        p.phaseDone("read", 65_000);
        p.close();
        String text = bytes.toString();
        assertTrue(text.startsWith("\rread "), text);
        assertTrue(text.contains("16384/?"), text);
        assertTrue(text.endsWith("read: done 16,384 in 1m05s" + System.lineSeparator()), text);
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConsoleProgress(new PrintWriter(new StringWriter()), false, Duration.ZERO));
    }
}
