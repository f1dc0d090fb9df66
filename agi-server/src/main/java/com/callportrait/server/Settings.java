package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.collect.EnrichmentOptions;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.retrain.RetrainOptions;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.InsightsOptions;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.http.HttpOptions;
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
 * @param speech     speech recognition and AudioSocket ({@link SpeechSettings})
 * @param fresh      portrait freshness after each call ({@link FreshOptions})
 * @param spool      the interaction-record spool ({@link SpoolOptions})
 * @param enrichment the CRM enrichment endpoint of {@code profile build} ({@code CP_ENRICH_*}), if any
 * @param portrait   the portrait engine's configuration ({@code CP_PORTRAIT_*}, the phone rule of {@code app})
 * @param http       who can reach the HTTP server and how failed token checks are throttled ({@link HttpOptions})
 * @param instance   this instance's id and how it claims actions and calls shared with other instances
 *                   ({@link InstanceOptions})
 * @param insights   the daily refresh of agent groups, rules, demand heat and forecast ({@link InsightsOptions})
 * @param retrain    retraining the portrait models in the running server ({@link RetrainOptions},
 *                   {@code CP_RETRAIN*})
 */
public record Settings(AppOptions app, LiveOptions live, SpeechSettings speech, FreshOptions fresh,
                       SpoolOptions spool, Optional<EnrichmentOptions> enrichment, PortraitConfig portrait,
                       HttpOptions http, InstanceOptions instance, InsightsOptions insights, RetrainOptions retrain) {

    public Settings {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(enrichment, "enrichment");
        Objects.requireNonNull(portrait, "portrait");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(insights, "insights");
        Objects.requireNonNull(retrain, "retrain");
    }

    /** Every setting but the insight refresh's and retraining's, which are on their defaults. */
    public Settings(AppOptions app, LiveOptions live, SpeechSettings speech, FreshOptions fresh,
                    SpoolOptions spool, Optional<EnrichmentOptions> enrichment, PortraitConfig portrait,
                    HttpOptions http, InstanceOptions instance) {
        this(app, live, speech, fresh, spool, enrichment, portrait, http, instance, InsightsOptions.defaults(),
                RetrainOptions.defaults());
    }

    /** Every setting but the HTTP server's and the instance's, which are on their defaults. */
    public Settings(AppOptions app, LiveOptions live, SpeechSettings speech, FreshOptions fresh,
                    SpoolOptions spool, Optional<EnrichmentOptions> enrichment, PortraitConfig portrait) {
        this(app, live, speech, fresh, spool, enrichment, portrait, HttpOptions.defaults(), InstanceOptions.defaults());
    }

    /** Every setting from {@code env}, validated; the first bad value throws, naming its variable. */
    public static Settings from(Env env) {
        AppOptions app = AppOptions.from(env);
        return new Settings(app, LiveOptions.from(env), SpeechSettings.from(env),
                FreshOptions.from(env), SpoolOptions.from(env), EnrichmentOptions.from(env),
                portrait(() -> PortraitConfig.from(env, app.phones())), HttpOptions.from(env), InstanceOptions.from(env),
                InsightsOptions.from(env), RetrainOptions.from(env));
    }

    /**
     * {@code app} with every other module on its defaults, their paths under {@code app.dataDir()}
     * (tests, benchmarks and embedded use that configure only the application's options).
     */
    public static Settings of(AppOptions app) {
        return new Settings(app, LiveOptions.builder().build(),
                SpeechSettings.builder().asr(AsrOptions.builder().dataDir(app.dataDir()).build()).build(),
                FreshOptions.defaults(), SpoolOptions.under(app.dataDir()), Optional.empty(),
                portrait(() -> PortraitConfig.builder().phones(app.phones()).build()));
    }

    /** The defaults of every module (as from an empty environment). */
    public static Settings defaults() {
        return of(AppOptions.builder().build());
    }

    /** A copy with other application options (a command that changes ports or Redis). */
    public Settings withApp(AppOptions other) {
        return new Settings(other, live, speech, fresh, spool, enrichment, portrait, http, instance, insights, retrain);
    }

    /** A copy with other live settings (demo, simulator). */
    public Settings withLive(LiveOptions other) {
        return new Settings(app, other, speech, fresh, spool, enrichment, portrait, http, instance, insights, retrain);
    }

    /** A copy with other speech settings ({@link SpeechSettings#off()} for none). */
    public Settings withSpeech(SpeechSettings other) {
        return new Settings(app, live, other, fresh, spool, enrichment, portrait, http, instance, insights, retrain);
    }

    /** A copy with other freshness settings. */
    public Settings withFresh(FreshOptions other) {
        return new Settings(app, live, speech, other, spool, enrichment, portrait, http, instance, insights, retrain);
    }

    /** A copy with other spool settings. */
    public Settings withSpool(SpoolOptions other) {
        return new Settings(app, live, speech, fresh, other, enrichment, portrait, http, instance, insights, retrain);
    }

    /** A copy with other HTTP settings. */
    public Settings withHttp(HttpOptions other) {
        return new Settings(app, live, speech, fresh, spool, enrichment, portrait, other, instance, insights, retrain);
    }

    /** A copy with other insight-refresh settings. */
    public Settings withInsights(InsightsOptions other) {
        return new Settings(app, live, speech, fresh, spool, enrichment, portrait, http, instance, other, retrain);
    }

    /** A copy with other retraining settings. */
    public Settings withRetrain(RetrainOptions other) {
        return new Settings(app, live, speech, fresh, spool, enrichment, portrait, http, instance, insights, other);
    }

    /** Reads the portrait files; a broken one stops start-up as a bad setting, like any other. */
    private static PortraitConfig portrait(java.util.function.Supplier<PortraitConfig> read) {
        try {
            return read.get();
        } catch (PortraitException e) {
            throw new ConfigException("portrait configuration (CP_PORTRAIT_*): " + e.getMessage(), e);
        }
    }
}
