package com.callportrait.cli;

import com.callportrait.server.RedisBackend;
import com.callportrait.server.http.ProfileEndpoint;
import com.callportrait.profile.CustomerProfile;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code profile show PHONE}: prints one portrait. One instance per command-line run, used on the
 * main thread; not thread-safe.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints the portrait of the customer owning PHONE. Exit status 1 when there is none.")
public final class ProfileShowCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "PHONE", description = "any form of the number, e.g. 5551234 or '+1 555 123 4567'")
    String phone;

    @Option(names = "--json", description = "print JSON (the /api/profiles form) instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (RedisBackend redis = RedisBackend.open(options(), RedisBackend.Embedded.REUSE_OR_START)) {
            Optional<CustomerProfile> p = redis.store().findByPhone(phone).toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (p.isEmpty()) {
                err().println("no customer with phone " + phone);
                return 1;
            }
            out().println(json ? ProfileEndpoint.JSON.writeValueAsString(ProfileEndpoint.view(p.get())) : PortraitText.render(p.get()));
            out().flush();
            return 0;
        }
    }
}
