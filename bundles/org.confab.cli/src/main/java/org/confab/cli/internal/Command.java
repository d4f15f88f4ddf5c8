package org.confab.cli.internal;

import java.util.Set;

/**
 * One CLI command, such as {@code send}, or a subcommand of a group, such as {@code admin kick} (its
 * name is then both words). Commands register in {@link CommandRegistry}.
 */
interface Command {

    /** The word that selects this command. */
    String name();

    /** Synopsis after the name, for example {@code "PEER TEXT..."}. */
    String synopsis();

    /** One line saying what the command does. */
    String description();

    /** Names (without dashes) of the value options this command accepts besides the global ones. */
    default Set<String> options() {
        return Set.of();
    }

    /** Names (without dashes) of the options without value this command accepts besides the global ones. */
    default Set<String> flags() {
        return Set.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit code, normally {@link ExitCodes#OK}
     * @throws Exception a {@link UsageException}, a server refusal or a connection failure, which the
     *         CLI maps to its exit codes
     */
    int run(CommandContext context) throws Exception;
}
