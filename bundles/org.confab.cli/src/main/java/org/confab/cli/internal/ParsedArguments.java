package org.confab.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line split into its parts, before any meaning is given to them.
 *
 * @param command the first positional argument, empty when there is none
 * @param operands the positional arguments after the command
 * @param options {@code --name value} options, keyed by name without dashes
 * @param flags {@code --name} options without value, by name without dashes
 */
record ParsedArguments(String command, List<String> operands, Map<String, String> options, Set<String> flags) {

    ParsedArguments {
        operands = List.copyOf(operands);
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** For a command group such as {@code admin}: the first operand joins the command name. */
    ParsedArguments withSubcommand() {
        if (operands.isEmpty()) {
            throw new IllegalStateException("no subcommand");
        }
        return new ParsedArguments(command + " " + operands.get(0), operands.subList(1, operands.size()), options,
                flags);
    }
}
