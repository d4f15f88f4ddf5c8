package org.confab.cli.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The commands the CLI knows, by name, in the order they are listed in the usage text. */
final class CommandRegistry {
    private static final int SYNOPSIS_WIDTH = 40;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandRegistry register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("two commands named " + command.name());
        }
        return this;
    }

    Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    Collection<Command> all() {
        return commands.values();
    }

    /** Every value option any command or the global set accepts, for the {@link ArgumentParser}. */
    Set<String> allValueOptions() {
        Set<String> names = new HashSet<>(GlobalOptions.VALUE_OPTIONS);
        commands.values().forEach(command -> names.addAll(command.options()));
        return names;
    }

    String usage() {
        StringBuilder text = new StringBuilder("""
                usage: confab cli [OPTIONS] COMMAND [ARGS]

                options (before or after the command):
                  --server HOST:PORT     server to use (default: $CONFAB_SERVER or localhost:7777)
                  --user NAME            account to use (default: $CONFAB_USER)
                  --password-file FILE   read the password from the file's first line
                                         (default: $CONFAB_PASSWORD; never given as an argument)
                  --json                 print one JSON object per line
                  --timeout SECONDS      how long to wait for the server (default: 10)

                commands:
                """);
        for (Command command : commands.values()) {
            String synopsis = (command.name() + " " + command.synopsis()).strip();
            String layout = synopsis.length() > SYNOPSIS_WIDTH ? "  %s%n  %" + SYNOPSIS_WIDTH + "s %s%n"
                    : "  %-" + SYNOPSIS_WIDTH + "s %s%n";
            text.append(synopsis.length() > SYNOPSIS_WIDTH
                    ? String.format(layout, synopsis, "", command.description())
                    : String.format(layout, synopsis, command.description()));
        }
        text.append("\nexit codes: 0 ok, 1 server error, 2 usage error, 3 cannot connect or no answer\n");
        return text.toString();
    }
}
