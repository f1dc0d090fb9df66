package com.callportrait.server;

import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.collect.EnrichmentOptions;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.speech.asr.AsrOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of the application: every module's options, built once at start-up from
 * one {@link Env} by {@link #from(Env)}. Building it validates every setting, so a bad value anywhere
 * stops start-up with a {@link com.callportrait.common.config.ConfigException} naming the variable
 * before anything starts; commands and the server take what they need from here and never read the
 * environment again. Every path of local state derives from the one data directory
 * ({@code CP_DATA_DIR}, {@link AppOptions#dataDir()}) unless its own variable says otherwise.
 * Immutable and thread-safe.
 *
 * @param app        where the application listens, Redis, phone numbers, routing, events, logging, data dir
 * @param live       AMI, live rules, agents, page tokens ({@link LiveOptions})
 * @param speech     speech recognition and AudioSocket ({@link SpeechStack.Settings})
 * @param fresh      portrait freshness after each call ({@link FreshOptions})
 * @param spool      the interaction-record spool ({@link SpoolOptions})
 * @param enrichment the CRM enrichment endpoint of {@code profile build} ({@code CP_ENRICH_*}), if any
 */
public record Settings(AppOptions app, LiveOptions live, SpeechStack.Settings speech, FreshOptions fresh,
                       SpoolOptions spool, Optional<EnrichmentOptions> enrichment) {

    public Settings {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(enrichment, "enrichment");
    }

    /** Every setting from {@code env}, validated; the first bad value throws, naming its variable. */
    public static Settings from(Env env) {
        return new Settings(AppOptions.from(env), LiveOptions.from(env), SpeechStack.Settings.from(env),
                FreshOptions.from(env), SpoolOptions.from(env),
                AppOptions.fromProfiler(() -> EnrichmentOptions.fromEnv(env.asMap())));
    }

    /**
     * {@code app} with every other module on its defaults, their paths under {@code app.dataDir()}
     * (tests, benchmarks and embedded use that configure only the application's options).
     */
    public static Settings of(AppOptions app) {
        return new Settings(app, LiveOptions.builder().build(),
                SpeechStack.Settings.builder().asr(AsrOptions.builder().dataDir(app.dataDir()).build()).build(),
                FreshOptions.defaults(), SpoolOptions.under(app.dataDir()), Optional.empty());
    }

    /** The defaults of every module (as from an empty environment). */
    public static Settings defaults() {
        return of(AppOptions.builder().build());
    }

    /** A copy with other application options (a command that changes ports or Redis). */
    public Settings withApp(AppOptions other) {
        return new Settings(other, live, speech, fresh, spool, enrichment);
    }

    /** A copy with other live settings (demo, simulator). */
    public Settings withLive(LiveOptions other) {
        return new Settings(app, other, speech, fresh, spool, enrichment);
    }

    /** A copy with other speech settings ({@link SpeechStack.Settings#off()} for none). */
    public Settings withSpeech(SpeechStack.Settings other) {
        return new Settings(app, live, other, fresh, spool, enrichment);
    }

    /** A copy with other freshness settings. */
    public Settings withFresh(FreshOptions other) {
        return new Settings(app, live, speech, other, spool, enrichment);
    }

    /** A copy with other spool settings. */
    public Settings withSpool(SpoolOptions other) {
        return new Settings(app, live, speech, fresh, other, enrichment);
    }
}
