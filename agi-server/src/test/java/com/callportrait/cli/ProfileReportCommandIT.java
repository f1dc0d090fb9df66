package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code profile report} writes the manager report with the insight sections (no Redis: no --save). */
class ProfileReportCommandIT {
    @Test
    void theReportHasTheInsightSections(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        StringWriter text = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(text));
        int status = cl.execute("profile", "report", "--generate", "1500", "--no-progress", "--models",
                dir.resolve("models").toString(), "--out", out.toString());
        assertThat(status).as(text.toString()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<h2>Demand heat</h2>", "<h2>Call forecast, next 7 days</h2>",
                "<h2>Agent performance groups</h2>", "<h2>Association rules: what leads to which contact reason</h2>",
                "plan:", "<h2>Segments</h2>").doesNotContain("<script");
    }
}
