package org.confab.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a running command gets: its arguments, the shared options, the output and a way to connect. */
final class CommandContext {
    /** Opens a connected session; replaced in tests. */
    interface Connector {
        CliSession connect(GlobalOptions global) throws Exception;
    }

    private final GlobalOptions global;
    private final ParsedArguments arguments;
    private final Output output;
    private final Connector connector;
    private final Map<String, String> environment;
    private final PrintStream err;

    CommandContext(GlobalOptions global, ParsedArguments arguments, Output output, Connector connector,
            Map<String, String> environment) {
        this(global, arguments, output, connector, environment, System.err);
    }

    CommandContext(GlobalOptions global, ParsedArguments arguments, Output output, Connector connector,
            Map<String, String> environment, PrintStream err) {
        this.err = err;
        this.global = global;
        this.arguments = arguments;
        this.output = output;
        this.connector = connector;
        this.environment = Map.copyOf(environment);
    }

    /** The command's name, for messages: {@code send}, {@code admin kick}. */
    String name() {
        return arguments.command();
    }

    GlobalOptions global() {
        return global;
    }

    Output output() {
        return output;
    }

    /**
     * Where a command reports what goes on (progress, "resuming at offset N"): stderr, so stdout keeps
     * only the result a script reads.
     */
    PrintStream err() {
        return err;
    }

    List<String> operands() {
        return arguments.operands();
    }

    Optional<String> option(String name) {
        return arguments.option(name);
    }

    boolean flag(String name) {
        return arguments.flag(name);
    }

    /** An environment variable, if it is set and not empty. */
    Optional<String> environment(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /** Fails with a usage error unless there are between {@code min} and {@code max} operands. */
    List<String> operands(int min, int max, String what) {
        List<String> operands = arguments.operands();
        if (operands.size() < min || operands.size() > max) {
            throw new UsageException(arguments.command() + " expects " + what);
        }
        return operands;
    }

    CliSession connect() throws Exception {
        return connector.connect(global);
    }
}
