package org.confab.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.confab.client.core.ServerAddress;

/**
 * The options every command shares, with the environment as fallback. The password is read only when
 * a command asks for it, so commands that need none do not fail on a missing password file.
 *
 * @param servers the server, or the nodes of a cluster in the order to try them, from {@code --server} or
 *        {@code CONFAB_SERVER} ({@code HOST:PORT[,HOST:PORT...]}, at most {@value ServerAddress#MAX_LIST})
 * @param passwordFile from {@code --password-file}; preferred over {@code envPassword}
 * @param envPassword from {@code CONFAB_PASSWORD}
 * @param trust how the server's certificate is checked
 */
record GlobalOptions(List<ServerAddress> servers, Optional<String> user, Optional<Path> passwordFile,
        Optional<String> envPassword, boolean json, Duration timeout, TrustOptions trust) {

    static final Set<String> VALUE_OPTIONS = Set.of("server", "user", "password-file", "timeout", "fingerprint",
            "known-servers");
    static final Set<String> FLAGS = Set.of("json", "help", "trust-new", "plain");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static GlobalOptions from(ParsedArguments args, Map<String, String> env) {
        List<ServerAddress> servers = args.option("server").map(list -> servers("--server", list))
                .or(() -> nonEmpty(env.get("CONFAB_SERVER")).map(list -> servers("CONFAB_SERVER", list)))
                .orElse(List.of(new ServerAddress("localhost", ServerAddress.DEFAULT_PORT)));
        Optional<String> user = args.option("user").or(() -> nonEmpty(env.get("CONFAB_USER")));
        Duration timeout = args.option("timeout").map(text -> OptionValues.seconds("--timeout", text, false))
                .orElse(DEFAULT_TIMEOUT);
        return new GlobalOptions(servers, user, args.option("password-file").map(Path::of),
                nonEmpty(env.get("CONFAB_PASSWORD")), args.flag("json"), timeout, TrustOptions.from(args, env));
    }

    /** The addresses in {@code list}; a bad one is a usage error naming where it came from. */
    private static List<ServerAddress> servers(String source, String list) {
        try {
            return ServerAddress.parseList(list);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    String requireUser() {
        return user.filter(name -> !name.isBlank())
                .orElseThrow(() -> new UsageException("no user given; use --user NAME or set CONFAB_USER"));
    }

    /** The password: the first line of the password file, else {@code CONFAB_PASSWORD}. */
    String requirePassword() {
        if (passwordFile.isPresent()) {
            return readPasswordFile(passwordFile.get());
        }
        return envPassword.orElseThrow(() -> new UsageException(
                "no password given; use --password-file FILE or set CONFAB_PASSWORD"));
    }

    private static String readPasswordFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read password file " + file + ": " + e.getMessage());
        }
        String firstLine = content.lines().findFirst().orElse("");
        if (firstLine.isEmpty()) {
            throw new UsageException("password file " + file + " is empty");
        }
        return firstLine;
    }

    private static Optional<String> nonEmpty(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isEmpty());
    }
}
