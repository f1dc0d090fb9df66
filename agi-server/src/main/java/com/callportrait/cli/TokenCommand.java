package com.callportrait.cli;

import com.callportrait.common.config.ConfigException;
import com.callportrait.live.TokenService;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token agent NAME} / {@code token supervisor} / {@code token service NAME}: issues a
 * signed, expiring token (pages, or an integration reading the APIs). One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Issues a token for the agent page (/agent/NAME: that agent's calls only), the supervisor"
                + " page (/supervisor: every call) or an integration (service NAME: /api/calls and"
                + " /api/profiles/{phone} with 'Authorization: Bearer TOKEN', no page), signed with CP_TOKEN_SECRET"
                + " (or CP_TOKEN_SECRET_FILE): the running server must use the same secret.")
public final class TokenCommand extends AppCommand {
    @Parameters(index = "0", description = "agent, supervisor or service")
    String role;

    @Parameters(index = "1", arity = "0..1", description = "the agent's id (as in CP_AGENT_MAP or the queue MemberName), or the integration's name")
    String name;

    @Option(names = "--hours", defaultValue = "12", description = "validity in hours (default ${DEFAULT-VALUE})")
    long hours;

    @Override
    public Integer call() {
        if (settings().live().randomTokenSecret()) {
            throw new ConfigException("set CP_TOKEN_SECRET (or CP_TOKEN_SECRET_FILE) to the server's token secret");
        }
        TokenService tokens = settings().live().tokens();
        if (hours < 1 || hours > 24 * 31) {
            err().println("token: --hours must be 1..744");
            return 2;
        }
        Duration ttl = Duration.ofHours(hours);
        switch (role) {
            case "agent" -> {
                if (name == null) {
                    err().println("token: agent needs a NAME");
                    return 2;
                }
                out().println(tokens.issue(TokenService.Role.AGENT, name, ttl));
            }
            case "supervisor" -> out().println(tokens.issue(TokenService.Role.SUPERVISOR, "supervisor", ttl));
            case "service" -> {
                if (name == null) {
                    err().println("token: service needs a NAME (the integration, e.g. crm)");
                    return 2;
                }
                out().println(tokens.issue(TokenService.Role.SERVICE, name, ttl));
            }
            default -> {
                err().println("token: role must be agent, supervisor or service");
                return 2;
            }
        }
        out().flush();
        return 0;
    }
}
