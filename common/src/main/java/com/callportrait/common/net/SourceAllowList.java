package com.callportrait.common.net;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The source addresses a server accepts connections from: a comma list of IPv4/IPv6 addresses and
 * CIDR blocks ({@code 10.0.0.0/8, 192.0.2.7, ::1/128, fd00::/8}), read from one environment
 * variable such as {@code CP_AGI_ALLOW}. Unset, blank or {@code any} means every address (the
 * default, so existing deployments keep working; the servers log a WARN at start-up then).
 * Only literal addresses are accepted (never a host name: no DNS lookup at start-up or per
 * connection). A bad entry stops start-up with a {@link ConfigException} naming the variable.
 *
 * <p>Immutable and thread-safe.
 */
public final class SourceAllowList {
    private static final SourceAllowList ANY = new SourceAllowList("", List.of(), List.of());

    private final String variable;
    private final List<String> entries;
    private final List<IpSubnetFilterRule> rules;

    private SourceAllowList(String variable, List<String> entries, List<IpSubnetFilterRule> rules) {
        this.variable = variable;
        this.entries = List.copyOf(entries);
        this.rules = List.copyOf(rules);
    }

    /** Every source address is accepted. */
    public static SourceAllowList any() {
        return ANY;
    }

    /** The list in {@code variable}; unset, blank or {@code any} gives {@link #any()}. */
    public static SourceAllowList from(Env env, String variable) {
        return parse(variable, env.string(variable).orElse(null));
    }

    /**
     * Parses {@code spec}.
     *
     * @throws ConfigException naming {@code variable} and the bad entry
     */
    public static SourceAllowList parse(String variable, String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("any")) {
            return ANY;
        }
        List<String> entries = new ArrayList<>();
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String part : spec.split(",")) {
            String e = part.trim();
            if (e.isEmpty()) {
                throw new ConfigException(variable + " has an empty entry: '" + spec + "'");
            }
            rules.add(rule(variable, e));
            entries.add(e);
        }
        return new SourceAllowList(variable, entries, rules);
    }

    private static IpSubnetFilterRule rule(String variable, String entry) {
        int slash = entry.indexOf('/');
        String ip = (slash < 0 ? entry : entry.substring(0, slash)).toLowerCase(Locale.ROOT);
        boolean v4 = NetUtil.isValidIpV4Address(ip);
        if (!v4 && !NetUtil.isValidIpV6Address(ip)) {
            throw new ConfigException(variable + " entries must be IP addresses or CIDR blocks such as"
                    + " 10.0.0.0/8 or fd00::/8 (no host names), got '" + entry + "'");
        }
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new ConfigException(variable + " entry '" + entry + "' needs a prefix length in [0, "
                        + max + "]");
            }
        }
        try {
            InetAddress address = InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(ip));
            return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new ConfigException(variable + " entry '" + entry + "' is not usable: " + e.getMessage());
        }
    }

    /** True when no list is set: every address is accepted. */
    public boolean acceptsAny() {
        return rules.isEmpty();
    }

    /** Whether a connection from {@code source} is accepted. */
    public boolean allows(InetSocketAddress source) {
        return rules.isEmpty() || rules.stream().anyMatch(r -> r.matches(source));
    }

    /** The variable this list was read from (empty for {@link #any()}). */
    public String variable() {
        return variable;
    }

    /**
     * The first handler of every connection of {@code server} (a metric tag such as {@code agi}):
     * an allowed connection gets its protocol handlers from {@code onAccepted} (called on the
     * channel's event loop as it registers); a refused one is closed before any byte is read and
     * before any protocol handler exists, so it is never counted or logged as a session. Create it
     * once per server: it is sharable.
     */
    public ChannelHandler guard(String server, MeterRegistry registry, Consumer<Channel> onAccepted) {
        if (rules.isEmpty()) {
            return new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    onAccepted.accept(ch);
                }

                @Override
                public boolean isSharable() {
                    return true;
                }
            };
        }
        Counter refused = Counter.builder("cp.connections.refused").tag("server", server)
                .description("connections closed because their source address is not allowed").register(registry);
        return new RefusingFilter(rules, server, variable, refused, onAccepted);
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "any" : String.join(",", entries);
    }
}
