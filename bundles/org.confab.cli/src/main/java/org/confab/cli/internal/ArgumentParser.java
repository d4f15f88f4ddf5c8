package org.confab.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a command line into command, operands, options and flags. Options may come before or after
 * the command, as {@code --name value} or {@code --name=value}; {@code --} ends option parsing so an
 * operand may start with dashes. Which names exist and which take a value is given by the caller, so
 * new commands bring their options with them.
 */
final class ArgumentParser {
    private final Set<String> valueOptions;
    private final Set<String> flagOptions;

    ArgumentParser(Set<String> valueOptions, Set<String> flagOptions) {
        this.valueOptions = Set.copyOf(valueOptions);
        this.flagOptions = Set.copyOf(flagOptions);
    }

    ParsedArguments parse(List<String> args) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyOperands || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
            } else if (arg.equals("--")) {
                onlyOperands = true;
            } else if (arg.equals("-h")) {
                flags.add("help");
            } else if (!arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                int equals = arg.indexOf('=');
                String name = arg.substring(2, equals < 0 ? arg.length() : equals);
                if (flagOptions.contains(name)) {
                    if (equals >= 0) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    flags.add(name);
                } else if (valueOptions.contains(name)) {
                    String value;
                    if (equals >= 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    if (options.putIfAbsent(name, value) != null) {
                        throw new UsageException("--" + name + " given twice");
                    }
                } else {
                    throw new UsageException(unknownOption(name));
                }
            }
        }
        String command = positionals.isEmpty() ? "" : positionals.remove(0);
        return new ParsedArguments(command, positionals, options, flags);
    }

    private static String unknownOption(String name) {
        if (name.equals("password")) {
            return "passwords are not accepted on the command line (other users can see it); "
                    + "use --password-file FILE or the CONFAB_PASSWORD environment variable";
        }
        if (name.equals("new-password")) {
            return "passwords are not accepted on the command line (other users can see it); "
                    + "use --new-password-file FILE or the CONFAB_NEW_PASSWORD environment variable";
        }
        return "unknown option --" + name;
    }
}
