package org.confab.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The password an administrator gives a new or existing account: the first line of
 * {@code --new-password-file}, or the environment variable {@code CONFAB_NEW_PASSWORD} where a command
 * allows it; never a command-line argument, which other users of the machine could see.
 */
final class NewPassword {
    static final String OPTION = "new-password-file";
    static final String VARIABLE = "CONFAB_NEW_PASSWORD";

    private NewPassword() {
    }

    /** From the file, else from the environment; a usage error when neither is given. */
    static String fromFileOrEnvironment(CommandContext context) {
        return fromFile(context).or(() -> context.environment(VARIABLE)).orElseThrow(() -> new UsageException(
                context.name() + " needs the new account's password: use --" + OPTION + " FILE or set " + VARIABLE));
    }

    /** From the file if {@code --new-password-file} is given. */
    static Optional<String> fromFile(CommandContext context) {
        return context.option(OPTION).map(name -> firstLine(Path.of(name)));
    }

    private static String firstLine(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read --" + OPTION + " " + file + ": " + e.getMessage());
        }
        String firstLine = content.lines().findFirst().orElse("");
        if (firstLine.isEmpty()) {
            throw new UsageException("--" + OPTION + " " + file + " is empty");
        }
        return firstLine;
    }
}
