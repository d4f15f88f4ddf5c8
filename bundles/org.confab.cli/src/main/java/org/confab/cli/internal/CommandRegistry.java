package org.confab.cli.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands the CLI knows, by name, in the order they are listed in the usage text. A group (such
 * as {@code admin}) is a first word shared by several two-word commands ({@code admin users},
 * {@code admin kick}); they are listed under the group's heading.
 */
final class CommandRegistry {
    private static final int SYNOPSIS_WIDTH = 40;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> groupHeadings = new LinkedHashMap<>();

    CommandRegistry register(Command command) {
        String word = command.name().split(" ")[0];
        boolean grouped = !word.equals(command.name());
        if (grouped != groupHeadings.containsKey(word)) {
            throw new IllegalArgumentException(grouped ? "no group for " + command.name() : word + " is a group");
        }
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("two commands named " + command.name());
        }
        return this;
    }

    /** Declares a group of commands that share the first word {@code word}, listed under {@code heading}. */
    CommandRegistry group(String word, String heading) {
        if (commands.containsKey(word) || groupHeadings.putIfAbsent(word, heading) != null) {
            throw new IllegalArgumentException("cannot make " + word + " a group");
        }
        return this;
    }

    /**
     * The command line with a group's subcommand joined to its name ({@code admin} + {@code kick} gives
     * {@code admin kick}); anything else as it is.
     */
    ParsedArguments resolve(ParsedArguments parsed) {
        if (groupHeadings.containsKey(parsed.command()) && !parsed.operands().isEmpty()) {
            return parsed.withSubcommand();
        }
        return parsed;
    }

    /** The subcommands of a group, for a message saying which exist; empty when it is no group. */
    List<String> subcommands(String group) {
        return commands.keySet().stream().filter(name -> name.startsWith(group + " "))
                .map(name -> name.substring(group.length() + 1)).toList();
    }

    /** Makes {@code alias} another name for the registered command {@code target}. */
    CommandRegistry alias(String alias, String target) {
        if (!commands.containsKey(target) || commands.containsKey(alias) || aliases.putIfAbsent(alias, target) != null) {
            throw new IllegalArgumentException("cannot make " + alias + " an alias of " + target);
        }
        return this;
    }

    Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(aliases.getOrDefault(name, name)));
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

    /** Every option without value any command or the global set accepts, for the {@link ArgumentParser}. */
    Set<String> allFlags() {
        Set<String> names = new HashSet<>(GlobalOptions.FLAGS);
        commands.values().forEach(command -> names.addAll(command.flags()));
        return names;
    }

    private String alsoCalled(String name) {
        List<String> names = aliases.entrySet().stream().filter(alias -> alias.getValue().equals(name))
                .map(Map.Entry::getKey).toList();
        return names.isEmpty() ? "" : " (also: " + String.join(", ", names) + ")";
    }

    String usage() {
        StringBuilder text = new StringBuilder("""
                usage: confab cli [OPTIONS] COMMAND [ARGS]

                options (before or after the command):
                  --server HOST:PORT[,HOST:PORT...]
                                         server to use, or the nodes of a cluster in the order to try
                                         (at most 16; default: $CONFAB_SERVER or localhost:7777)
                  --user NAME            account to use (default: $CONFAB_USER)
                  --password-file FILE   read the password from the file's first line
                                         (default: $CONFAB_PASSWORD; never given as an argument)
                  --json                 print one JSON object per line
                  --timeout SECONDS      how long to wait for the server (default: 10)
                  --fingerprint SHA256:...[,SHA256:...]
                                         trust only a server with this certificate fingerprint (a
                                         cluster: any node with one of these)
                  --trust-new            trust a server seen for the first time and remember it
                  --known-servers FILE   trusted servers (default: $CONFAB_KNOWN_SERVERS or
                                         ~/.confab/known_servers); unknown servers are refused
                  --plain                no TLS, for a server run with --plain

                commands:
                """);
        String group = "";
        for (Command command : commands.values()) {
            String word = command.name().split(" ")[0];
            if (groupHeadings.containsKey(word) && !word.equals(group)) {
                group = word;
                text.append('\n').append(groupHeadings.get(word)).append(":\n");
            }
            String synopsis = (command.name() + " " + command.synopsis()).strip();
            String description = command.description() + alsoCalled(command.name());
            String layout = synopsis.length() > SYNOPSIS_WIDTH ? "  %s%n  %" + SYNOPSIS_WIDTH + "s %s%n"
                    : "  %-" + SYNOPSIS_WIDTH + "s %s%n";
            text.append(synopsis.length() > SYNOPSIS_WIDTH
                    ? String.format(layout, synopsis, "", description)
                    : String.format(layout, synopsis, description));
        }
        text.append("\nexit codes: 0 ok, 1 server error, 2 usage error, 3 cannot connect or no answer,\n"
                + "            4 server not trusted (unknown or changed certificate)\n");
        return text.toString();
    }
}
