package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.portrait.report.HtmlReport;
import com.callportrait.portrait.report.ReportStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void reportShowsEverySectionFromABuild(@TempDir Path dir) {
        ReportStats stats = new ReportStats(EngineFixture.AS_OF);
        ContactLog log = new ContactLog(PortraitConfig.load().emotions());
        BatchBuild.Result r = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(EngineFixture.DATA)), EngineFixture.AS_OF, EngineFixture.build().models(),
                        BuildListener.NONE, stats.andThen(log));
        Insights insights = Insights.compute(log, Insights.items(r.histories().all()), EngineFixture.AS_OF);
        ModelRegistry registry = new ModelRegistry(dir, 0);
        new ModelMaintainer(PortraitConfig.load(), r.histories(), registry, RetrainPolicy.DEFAULT, 50_000)
                .offer(new ModelTraining.Result(EngineFixture.build().models(), EngineFixture.build().heldOut()),
                        EngineFixture.AS_OF);
        String html = HtmlReport.render(new HtmlReport.Input(EngineFixture.AS_OF, r.summary(), r.models(),
                r.sample().values(), stats, Map.of("complaint_risk", registry.versions("complaint_risk"),
                        "segment", registry.versions("segment")), insights));

        assertThat(html).startsWith("<!doctype html>").doesNotContain("<script").doesNotContain("http://cdn")
                .contains("<h2>Segments</h2>", "<h2>Tag distribution</h2>", "<h2>Complaint risk distribution</h2>",
                        "<h2>Model metrics over versions</h2>", "<h2>Topics rising this week</h2>",
                        "<h2>Agent outcomes</h2>", "<h2>Demand heat</h2>", "<h2>Call forecast, next 7 days</h2>",
                        "<h2>Agent performance groups</h2>", "<h2>Association rules: what leads to which contact reason</h2>",
                        "Rising most:", "plan:");
        for (String segment : r.summary().segments().keySet()) {
            assertThat(html).contains(">" + segment + "<");
        }
        assertThat(stats.agents()).hasSize(60);
        assertThat(html).contains(">agent-00<", ">payment<", "complaint_risk", "accepted");
        assertThat(html.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(16);
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(html).contains("<h2>Churn risk and next contact</h2>", "label: CRM closed_at",
                "Likely reason of the next contact", "same topic as last time");
    }
}
