package org.confab.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.confab.protocol.messages.Messages.Registered;

/** {@code register [--display-name N]}: creates the {@code --user} account with the given password. */
final class RegisterCommand implements Command {
    @Override
    public String name() {
        return "register";
    }

    @Override
    public String synopsis() {
        return "[--display-name NAME]";
    }

    @Override
    public String description() {
        return "create the --user account with the password";
    }

    @Override
    public Set<String> options() {
        return Set.of("display-name");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        context.operands(0, 0, "no arguments besides --display-name");
        String user = context.global().requireUser();
        String password = context.global().requirePassword();
        try (CliSession session = context.connect()) {
            Registered registered = session.await(session.client().register(user, password,
                    context.option("display-name").orElse(null)));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("username", registered.username());
            fields.put("displayName", registered.displayName());
            context.output().item("registered " + registered.username() + " (" + registered.displayName() + ")",
                    fields);
        }
        return ExitCodes.OK;
    }
}
