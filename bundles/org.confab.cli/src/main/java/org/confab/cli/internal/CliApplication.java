package org.confab.cli.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.confab.client.core.ConfabConnectionException;
import org.confab.client.core.ConfabException;
import org.confab.client.core.UntrustedServerException;

/**
 * Runs one command line: parses it, picks the command, runs it and turns every outcome into an exit
 * code and, for failures, one {@code error: ...} line on stderr.
 */
final class CliApplication {
    private final CommandRegistry commands;
    private final CommandContext.Connector connector;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    CliApplication(CommandRegistry commands, CommandContext.Connector connector, PrintStream out, PrintStream err,
            Map<String, String> env) {
        this.commands = commands;
        this.connector = connector;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> args) {
        try {
            ParsedArguments parsed = commands.resolve(
                    new ArgumentParser(commands.allValueOptions(), commands.allFlags()).parse(args));
            if (parsed.flag("help") || parsed.command().equals("help")) {
                out.print(commands.usage());
                return ExitCodes.OK;
            }
            Command command = select(parsed);
            GlobalOptions global = GlobalOptions.from(parsed, env);
            return command.run(new CommandContext(global, parsed, new Output(out, global.json()), connector, env, err));
        } catch (UsageException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(commands.usage());
            return ExitCodes.USAGE;
        } catch (SessionEndedException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.SERVER_ERROR;
        } catch (ConfabException e) {
            err.println("error: " + e.wireCode() + ": " + e.getMessage());
            return ExitCodes.SERVER_ERROR;
        } catch (UntrustedServerException e) {
            err.println("error: " + untrusted(e));
            return ExitCodes.UNTRUSTED_SERVER;
        } catch (ConfabConnectionException | TimeoutException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CANNOT_CONNECT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.CANNOT_CONNECT;
        } catch (Exception e) {
            err.println("error: unexpected failure: " + e);
            return ExitCodes.SERVER_ERROR;
        }
    }

    /** One line that tells what to do; a changed certificate is shouted, since it may be an attack. */
    private static String untrusted(UntrustedServerException e) {
        if (e.isChanged()) {
            return "WARNING: THE SERVER'S CERTIFICATE HAS CHANGED, refusing to connect. " + e.serverAddress()
                    + " presented " + e.presented() + " but " + e.expected().orElseThrow()
                    + " was expected; someone may be intercepting the connection. If the operator confirms a new "
                    + "certificate, remove the old line from the known servers file or use --fingerprint " + e.presented();
        }
        return "the server " + e.serverAddress() + " is not known; its certificate fingerprint is " + e.presented()
                + ". Check it with the server's operator, then run again with --fingerprint " + e.presented()
                + " or --trust-new to remember it";
    }

    private Command select(ParsedArguments parsed) {
        if (parsed.command().isEmpty()) {
            throw new UsageException("no command given");
        }
        List<String> subcommands = commands.subcommands(parsed.command());
        if (!subcommands.isEmpty()) {
            throw new UsageException(parsed.command() + " needs a subcommand: " + String.join(", ", subcommands));
        }
        Command command = commands.find(parsed.command())
                .orElseThrow(() -> new UsageException("unknown command '" + parsed.command() + "'"));
        Set<String> foreign = new HashSet<>(parsed.options().keySet());
        foreign.removeAll(GlobalOptions.VALUE_OPTIONS);
        foreign.removeAll(command.options());
        foreign.addAll(parsed.flags());
        foreign.removeAll(GlobalOptions.FLAGS);
        foreign.removeAll(command.flags());
        if (!foreign.isEmpty()) {
            throw new UsageException("--" + foreign.iterator().next() + " does not apply to " + command.name());
        }
        return command;
    }
}
